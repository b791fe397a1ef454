namespace SuperTickets.Pipeline.Ingest.Gmail;

/// <summary>The <c>Ingest:Gmail</c> section.</summary>
public sealed class GmailIngestOptions
{
    public const string Section = "Ingest:Gmail";

    public List<GmailMailboxOptions> Mailboxes { get; set; } = [];

    /// <summary>First wait after a failure; it doubles per consecutive failure, with jitter, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);
}
