namespace SuperTickets.Mail;

/// <summary>The verdict of <see cref="MailNoiseDetector"/>: the kind and a short reason naming the signal (no personal data).</summary>
public sealed record MailNoise(MailNoiseKind Kind, string? Reason)
{
    public static MailNoise None { get; } = new(MailNoiseKind.None, null);

    /// <summary>True for anything that must never receive an automatic answer.</summary>
    public bool IsNoise => Kind != MailNoiseKind.None;
}
