using System.Text.RegularExpressions;

namespace SuperTickets.Admin.Http;

/// <summary>Text identifiers chosen by admins (policies, calendars, articles): 1-64 letters, digits, '.', '_' or '-'.</summary>
public static partial class Ids
{
    public const string Rule = "must be 1-64 characters of letters, digits, '.', '_' or '-'.";

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
