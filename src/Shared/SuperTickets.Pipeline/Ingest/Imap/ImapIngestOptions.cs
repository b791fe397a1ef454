namespace SuperTickets.Pipeline.Ingest.Imap;

/// <summary>The <c>Ingest:Imap</c> section.</summary>
public sealed class ImapIngestOptions
{
    public const string Section = "Ingest:Imap";

    public List<ImapMailboxOptions> Mailboxes { get; set; } = [];

    /// <summary>First wait after a failure; it doubles per consecutive failure, with jitter, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);
}
