namespace SuperTickets.Mail.Net.Imap;

/// <summary>Reads <c>* n FETCH (UID u FLAGS (...) BODY[] {size}...)</c> into an <see cref="ImapMessage"/>.</summary>
internal static class ImapFetchParser
{
    public static bool TryParse(ImapResponse response, out ImapMessage message)
    {
        message = null!;
        if (response.Data.Count < 3 || response.Data[2] is not ImapList items)
        {
            return false;
        }

        uint? uid = null;
        byte[]? body = null;
        IReadOnlyList<string> flags = [];
        for (var i = 0; i + 1 < items.Items.Count; i += 2)
        {
            if (items.Items[i] is not ImapAtom name)
            {
                return false;
            }

            var value = items.Items[i + 1];
            if (name.Is("UID") && value is ImapAtom uidAtom && uidAtom.TryGetNumber(out var parsed))
            {
                uid = parsed;
            }
            else if (name.Is("FLAGS") && value is ImapList flagList)
            {
                flags = [.. flagList.Items.OfType<ImapAtom>().Select(a => a.Value)];
            }
            else if (name.Value.StartsWith("BODY[]", StringComparison.OrdinalIgnoreCase) && value is ImapString content)
            {
                body = content.Bytes;
            }
        }

        if (uid is null || body is null)
        {
            return false;
        }

        message = new ImapMessage(uid.Value, body, flags);
        return true;
    }
}
