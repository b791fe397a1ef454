using System.Text.RegularExpressions;
using SuperTickets.Llm.Privacy;

namespace SuperTickets.Llm.Answers;

/// <summary>
/// Deterministic checks a drafted answer must pass before it is sent. The draft must cite the article it was given, be
/// of sensible length, contain no leftover placeholders, and state no contact detail or numeric fact that is not in
/// its sources: URLs must occur in the article; email addresses, phone numbers, prices, percentages and other numbers
/// in the article or in the customer's request as the model saw it. The checks err on the side of rejecting: a
/// rejected draft costs only the nicer wording, because the article itself is sent instead.
/// </summary>
public static partial class GroundingChecker
{
    public const int MinDraftChars = 30;

    public const string WrongCitation = "cites another article";
    public const string TooShort = "too short";
    public const string TooLong = "too long";
    public const string Placeholder = "placeholder left in the text";
    public const string UnknownUrl = "URL not in the article";
    public const string UnknownEmail = "email address not in the article or request";
    public const string UnknownPhone = "phone number not in the article or request";
    public const string UnknownPrice = "price not in the article or request";
    public const string UnknownPercentage = "percentage not in the article or request";
    public const string UnknownNumber = "number not in the article or request";

    /// <param name="body">The drafted reply body.</param>
    /// <param name="citedArticleId">The article id the model cites.</param>
    /// <param name="articleId">The id of the article the draft was asked for.</param>
    /// <param name="article">The article text the model was given (title and body).</param>
    /// <param name="request">The customer's subject and text as the model was given them (redacted when redaction is on).</param>
    /// <param name="maxChars">The longest draft accepted.</param>
    public static GroundingVerdict Check(string body, string citedArticleId, string articleId, string article, string request, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(request);
        var violations = new List<string>();
        if (!string.Equals(citedArticleId?.Trim(), articleId, StringComparison.Ordinal)) Add(violations, WrongCitation);
        var text = body.Trim();
        if (text.Length < MinDraftChars) Add(violations, TooShort);
        if (text.Length > maxChars) Add(violations, TooLong);
        foreach (Match placeholder in PlaceholderPattern().Matches(text))
        {
            if (!article.Contains(placeholder.Value, StringComparison.Ordinal)) Add(violations, Placeholder);
        }
        var sources = article + "\n" + request;

        var emails = PiiRedactor.Emails(sources).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var rest = text;
        foreach (var email in PiiRedactor.Emails(text).ToList())
        {
            if (!emails.Contains(email)) Add(violations, UnknownEmail);
            rest = rest.Replace(email, " ", StringComparison.Ordinal);
        }

        var urls = UrlPattern().Matches(article).Select(m => NormalizeUrl(m.Value)).ToHashSet(StringComparer.Ordinal);
        var hosts = urls.Select(u => u.Split('/')[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var url in UrlPattern().Matches(rest).Select(m => m.Value).ToList())
        {
            var normalized = NormalizeUrl(url);
            if (!urls.Contains(normalized) && !(normalized.IndexOf('/') < 0 && hosts.Contains(normalized))) Add(violations, UnknownUrl);
            rest = rest.Replace(url, " ", StringComparison.Ordinal);
        }

        var phones = PiiRedactor.PhoneNumbers(sources).Select(Digits).ToHashSet(StringComparer.Ordinal);
        foreach (var phone in PiiRedactor.PhoneNumbers(rest).ToList())
        {
            if (!phones.Contains(Digits(phone))) Add(violations, UnknownPhone);
            rest = rest.Replace(phone, " ", StringComparison.Ordinal);
        }

        var facts = NumericFacts.Of(sources, isSource: true);
        foreach (var fact in NumericFacts.Of(ListMarker().Replace(rest, " "), isSource: false))
        {
            if (!facts.Contains(fact)) Add(violations, fact[0] switch { '$' => UnknownPrice, '%' => UnknownPercentage, _ => UnknownNumber });
        }
        return new GroundingVerdict(violations);
    }

    private static void Add(List<string> violations, string violation)
    {
        if (!violations.Contains(violation)) violations.Add(violation);
    }

    private static string NormalizeUrl(string url)
    {
        var value = url.ToLowerInvariant();
        value = value.StartsWith("https://", StringComparison.Ordinal) ? value[8..] : value.StartsWith("http://", StringComparison.Ordinal) ? value[7..] : value;
        value = value.StartsWith("www.", StringComparison.Ordinal) ? value[4..] : value;
        return value.TrimEnd('.', ',', ';', ':', '!', '?', '\'', '"', '*', '`').TrimEnd('/');
    }

    private static string Digits(string value) => string.Concat(value.Where(char.IsAsciiDigit));

    [GeneratedRegex(@"(?:https?://|www\.)[^\s<>""'()\[\]{}]+|\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}\b(?:/[^\s<>""'()\[\]{}]*)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"\{\{[^{}\r\n]{0,60}\}\}|\{[A-Za-z_][A-Za-z0-9_ ]{0,40}\}|\[[A-Za-z][A-Za-z0-9 _-]{0,40}\]|<[A-Za-z][A-Za-z0-9 _-]{0,40}>|\b(?:TODO|TBD|FIXME|XXX)\b|(?i:lorem ipsum)",
        RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"^[ \t]*\d{1,2}[.)][ \t]", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ListMarker();
}
