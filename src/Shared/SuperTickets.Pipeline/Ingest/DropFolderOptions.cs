using System.ComponentModel.DataAnnotations;

namespace SuperTickets.Pipeline.Ingest;

public sealed class DropFolderOptions
{
    [Required(ErrorMessage = "Ingest:DropFolders:N:Id is required.")]
    public string? Id { get; set; }

    [Required(ErrorMessage = "Ingest:DropFolders:N:Path is required.")]
    public string? Path { get; set; }

    /// <summary>The mailbox address this folder receives for (shown in health and the admin API).</summary>
    public string Address { get; set; } = "";

    /// <summary>
    /// Move each file to <c>.processed/</c> (or <c>.quarantine/</c>) once it is durable. Off: leave the files
    /// and rely on the per-mailbox Message-ID de-duplication (for read-only folders such as the samples).
    /// </summary>
    public bool Consume { get; set; } = true;
}
