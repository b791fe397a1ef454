using System.Text;

namespace SuperTickets.Mail;

/// <summary>A file to attach. Calendar invitations use <see cref="Calendar"/>.</summary>
public sealed record OutgoingAttachment(string FileName, string ContentType, ReadOnlyMemory<byte> Content)
{
    /// <summary>True for text/calendar content, which is also offered as an alternative body part so clients show the invitation.</summary>
    public bool IsCalendar => ContentType.StartsWith("text/calendar", StringComparison.OrdinalIgnoreCase);

    /// <summary>An iCalendar invitation (<c>text/calendar; method=REQUEST</c> by default).</summary>
    public static OutgoingAttachment Calendar(string icsText, string fileName = "invite.ics", string method = "REQUEST") =>
        new(fileName, $"text/calendar; method={method}; charset=utf-8", Encoding.UTF8.GetBytes(icsText));
}
