namespace SuperTickets.Pipeline.Ingest.Gmail;

/// <summary>One Gmail mailbox to ingest (an entry of <c>Ingest:Gmail:Mailboxes</c>).</summary>
public sealed class GmailMailboxOptions : GmailAccountOptions
{
    /// <summary>Stable mailbox id; the checkpoint and the Message-ID de-duplication are kept per id.</summary>
    public string? Id { get; set; }

    /// <summary>The address this mailbox receives for (shown in health and the admin API); defaults to <see cref="GmailAccountOptions.User"/>.</summary>
    public string? Address { get; set; }

    /// <summary>Only messages carrying this label are ingested; empty means every message but drafts.</summary>
    public string? LabelId { get; set; } = "INBOX";

    /// <summary>Search query limiting a full resync, e.g. <c>newer_than:30d</c>; empty means the whole label.</summary>
    public string? ResyncQuery { get; set; }

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages fetched and stored per transaction.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Messages fetched at the same time within a batch (each fetch costs Gmail quota units).</summary>
    public int FetchConcurrency { get; set; } = 4;
}
