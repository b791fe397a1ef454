namespace SuperTickets.Messaging;

/// <summary>Keeps messages that could not be processed, with the reason, for inspection and replay.</summary>
public interface IDeadLetterSink
{
    Task StoreAsync(DeadLetter deadLetter, CancellationToken ct);
}
