using System.Globalization;
using System.Text;

namespace SuperTickets.Pipeline.Resolve;

/// <summary>An RFC 5545 VCALENDAR with one VEVENT, METHOD:REQUEST, for a proposed support call.</summary>
public static class IcsInvitation
{
    public static string Create(string uid, DateTimeOffset start, TimeSpan duration, string summary, string organizerName, string organizerAddress, string attendeeAddress, DateTimeOffset stamp)
    {
        var text = new StringBuilder()
            .Append("BEGIN:VCALENDAR\r\n")
            .Append("PRODID:-//SuperTickets//Support desk//EN\r\n")
            .Append("VERSION:2.0\r\n")
            .Append("CALSCALE:GREGORIAN\r\n")
            .Append("METHOD:REQUEST\r\n")
            .Append("BEGIN:VEVENT\r\n")
            .Append("UID:").Append(uid).Append("\r\n")
            .Append("DTSTAMP:").Append(Utc(stamp)).Append("\r\n")
            .Append("DTSTART:").Append(Utc(start)).Append("\r\n")
            .Append("DTEND:").Append(Utc(start + duration)).Append("\r\n")
            .Append(Fold("SUMMARY:" + Escape(summary)))
            .Append(Fold($"ORGANIZER;CN={Escape(organizerName)}:mailto:{organizerAddress}"))
            .Append(Fold($"ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{attendeeAddress}"))
            .Append("STATUS:TENTATIVE\r\n")
            .Append("SEQUENCE:0\r\n")
            .Append("END:VEVENT\r\n")
            .Append("END:VCALENDAR\r\n");
        return text.ToString();
    }

    /// <summary>The next weekday slot at 15:00 UTC at least a day ahead.</summary>
    public static DateTimeOffset ProposeSlot(DateTimeOffset now)
    {
        var day = now.UtcDateTime.Date.AddDays(1);
        if (now.UtcDateTime.Hour >= 15)
        {
            day = day.AddDays(1);
        }
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }
        return new DateTimeOffset(day.AddHours(15), TimeSpan.Zero);
    }

    private static string Utc(DateTimeOffset value) => value.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\n", "\\n");

    /// <summary>Folds a content line at 75 octets (RFC 5545 §3.1) without splitting UTF-8 sequences.</summary>
    private static string Fold(string line)
    {
        var result = new StringBuilder();
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                result.Append("\r\n ");
                octets = 1;
            }
            result.Append(rune.ToString());
            octets += size;
        }
        return result.Append("\r\n").ToString();
    }
}
