using System.ComponentModel.DataAnnotations;

namespace SuperTickets.Pipeline;

/// <summary>Who we are in email: the support address and the domain of our Message-IDs.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    [Required(ErrorMessage = "Mail:SupportAddress is required (the address customers write to).")]
    [EmailAddress(ErrorMessage = "Mail:SupportAddress must be an email address.")]
    public string? SupportAddress { get; set; }

    public string SupportName { get; set; } = "Support";

    /// <summary>Domain of the Message-IDs we generate; mail carrying it coming back in is a loop.</summary>
    [Required(ErrorMessage = "Mail:MessageIdDomain is required.")]
    public string? MessageIdDomain { get; set; }

    /// <summary>Where the drop-folder sender writes outgoing mail as .eml files.</summary>
    public string OutboxDirectory { get; set; } = "data/outbox";

    /// <summary>Most automatic replies one customer address gets per <see cref="AutoReplyWindow"/>.</summary>
    [Range(0, 1000)]
    public int MaxAutoRepliesPerWindow { get; set; } = 5;

    public TimeSpan AutoReplyWindow { get; set; } = TimeSpan.FromHours(1);
}
