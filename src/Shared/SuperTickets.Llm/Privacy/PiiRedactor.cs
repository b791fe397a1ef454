using System.Text.RegularExpressions;

namespace SuperTickets.Llm.Privacy;

/// <summary>
/// Replaces personal data in free text with placeholders: email addresses (<c>[email]</c>), IBAN-like account
/// numbers (<c>[iban]</c>), card-like numbers of 13 to 19 digits (<c>[card]</c>) and phone numbers (<c>[phone]</c>).
/// Errs on the side of redacting; dates and short numbers such as order ids are kept.
/// </summary>
public static partial class PiiRedactor
{
    public const string Email = "[email]";
    public const string Iban = "[iban]";
    public const string Card = "[card]";
    public const string Phone = "[phone]";

    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) return text;
        var result = EmailPattern().Replace(text, Email);
        result = IbanPattern().Replace(result, m => CountAlphanumerics(m.ValueSpan) is >= 15 and <= 34 ? Iban : m.Value);
        result = CardPattern().Replace(result, Card);
        return PhonePattern().Replace(result, m => LooksLikePhone(m.ValueSpan) ? Phone : m.Value);
    }

    /// <summary>The email addresses in <paramref name="text"/>, as written.</summary>
    internal static IEnumerable<string> Emails(string text) => EmailPattern().Matches(text).Select(m => m.Value);

    /// <summary>The phone numbers in <paramref name="text"/>, as written (the same rule that <see cref="Redact"/> applies).</summary>
    internal static IEnumerable<string> PhoneNumbers(string text) =>
        PhonePattern().Matches(text).Where(m => LooksLikePhone(m.ValueSpan)).Select(m => m.Value);

    private static bool LooksLikePhone(ReadOnlySpan<char> candidate)
    {
        var digits = 0;
        var separators = 0;
        foreach (var c in candidate)
        {
            if (char.IsAsciiDigit(c)) digits++;
            else separators++;
        }
        if (digits is < 7 or > 15) return false;
        if (IsoDate().IsMatch(candidate)) return false;
        if (candidate[0] is '+' or '(') return true;
        return separators > 0 ? digits >= 8 : digits >= 10;
    }

    private static int CountAlphanumerics(ReadOnlySpan<char> value)
    {
        var count = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiLetterOrDigit(c)) count++;
        }
        return count;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b", RegexOptions.CultureInvariant)]
    private static partial Regex IbanPattern();

    [GeneratedRegex(@"(?<![\w-])\d(?:[ -]?\d){12,18}(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex CardPattern();

    [GeneratedRegex(@"(?<![\w+\-/.])(?:\+|\(\+?)?\d[\d ().\-/]{5,20}\d(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();
}
