using System.Globalization;

namespace SuperTickets.Knowledge.Import;

/// <summary>Validation shared by the Markdown and CSV readers.</summary>
internal static class KbFields
{
    public static bool IsSlug(string id) =>
        id.Length is > 0 and <= 200
        && id[0] != '-' && id[^1] != '-'
        && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    public static bool IsCategory(string category) =>
        category.Length is > 0 and <= 64 && category.All(c => char.IsAsciiLetterLower(c) || c == '_');

    public static bool IsLanguage(string language) =>
        language.Length == 2 && language.All(char.IsAsciiLetter);

    public static bool TryParseDate(string text, out DateTimeOffset value)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }
}
