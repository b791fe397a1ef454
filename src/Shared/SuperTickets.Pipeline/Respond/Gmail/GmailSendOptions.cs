using SuperTickets.Pipeline.Ingest.Gmail;

namespace SuperTickets.Pipeline.Respond.Gmail;

/// <summary>The <c>Respond:Gmail</c> section: the Gmail account outgoing mail is sent from.</summary>
public sealed class GmailSendOptions : GmailAccountOptions
{
    public const string Section = "Respond:Gmail";
}
