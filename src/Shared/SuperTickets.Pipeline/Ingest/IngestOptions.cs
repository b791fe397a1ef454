using System.ComponentModel.DataAnnotations;

namespace SuperTickets.Pipeline.Ingest;

public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>Drop folders of .eml files, each a mailbox with its own checkpoint.</summary>
    public List<DropFolderOptions> DropFolders { get; set; } = [];

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Mail larger than this is stored and quarantined as oversize, never dropped.</summary>
    [Range(1024, 1L << 31)]
    public long MaxMessageBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Emails stored per transaction.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 64;
}
