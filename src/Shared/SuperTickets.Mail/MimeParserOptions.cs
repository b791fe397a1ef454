namespace SuperTickets.Mail;

/// <summary>Limits that keep parsing bounded on hostile input.</summary>
public sealed record MimeParserOptions
{
    public static MimeParserOptions Default { get; } = new();

    /// <summary>Messages larger than this are flagged oversize; only their top-level headers are parsed. Default 25 MB.</summary>
    public long MaxMessageBytes { get; init; } = 25L * 1024 * 1024;

    /// <summary>Maximum multipart nesting; deeper multiparts are treated as opaque parts. Default 32.</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Maximum number of MIME entities; later parts are ignored. Default 5,000.</summary>
    public int MaxParts { get; init; } = 5000;
}
