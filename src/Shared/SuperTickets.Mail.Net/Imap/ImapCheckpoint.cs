using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SuperTickets.Mail.Net.Imap;

/// <summary>How far a mailbox has been read: <c>"uidvalidity:lastuid"</c>. UIDs are only comparable under the same UIDVALIDITY.</summary>
public readonly record struct ImapCheckpoint(uint UidValidity, uint LastUid)
{
    public static ImapCheckpoint Parse(string text) =>
        TryParse(text, out var checkpoint) ? checkpoint : throw new FormatException($"'{text}' is not an IMAP checkpoint (expected 'uidvalidity:lastuid').");

    public static bool TryParse([NotNullWhen(true)] string? text, out ImapCheckpoint checkpoint)
    {
        checkpoint = default;
        var parts = text?.Split(':');
        if (parts is not [var validity, var last]
            || !uint.TryParse(validity, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            || !uint.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var u)
            || v == 0)
        {
            return false;
        }

        checkpoint = new ImapCheckpoint(v, u);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{UidValidity}:{LastUid}");
}
