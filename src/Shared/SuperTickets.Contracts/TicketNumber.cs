using System.Globalization;
using System.Text.RegularExpressions;

namespace SuperTickets.Contracts;

/// <summary>Human ticket numbers (<c>ST-1042</c>) and the subject token (<c>[#ST-1042]</c>).</summary>
public static partial class TicketNumber
{
    private const long Offset = 1000;

    public static string Format(long ticketId) => "ST-" + (ticketId + Offset).ToString(CultureInfo.InvariantCulture);

    public static string SubjectToken(long ticketId) => "[#" + Format(ticketId) + "]";

    /// <summary>Finds a <c>[#ST-n]</c> token in a subject and returns the ticket id it names.</summary>
    public static long? FindInSubject(string? subject)
    {
        if (string.IsNullOrEmpty(subject))
        {
            return null;
        }
        var match = TokenPattern().Match(subject);
        if (!match.Success || !long.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }
        return number > Offset ? number - Offset : null;
    }

    [GeneratedRegex(@"\[#ST-(\d{1,15})\]", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
