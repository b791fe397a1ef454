namespace SuperTickets.Messaging;

/// <summary>
/// The first <see cref="Succeeded"/> envelopes of a batch are done. When <see cref="Failure"/> is set, the next
/// envelope failed with it and nothing after it was attempted.
/// </summary>
public sealed record BatchOutcome(int Succeeded, Exception? Failure)
{
    public static BatchOutcome All(int count) => new(count, null);

    /// <summary>True when retrying cannot help (the payload cannot be read): dead-letter at once.</summary>
    public bool IsPoison => Failure is PoisonMessageException;
}
