namespace SuperTickets.Mail.Net.Imap;

internal enum ImapResponseKind
{
    Untagged,
    Tagged,
    Continuation,
}
