namespace SuperTickets.Data;

public sealed record DeadLetterRecord
{
    public long Id { get; init; }
    public string MessageId { get; init; } = "";
    public string Topic { get; init; } = "";
    public string MsgKey { get; init; } = "";
    public string MessageType { get; init; } = "";
    public string ConsumerGroup { get; init; } = "";
    public string ExceptionType { get; init; } = "";
    public string ExceptionMessage { get; init; } = "";
    public int Attempts { get; init; }
    public DateTimeOffset FirstFailedAt { get; init; }
    public DateTimeOffset FailedAt { get; init; }
    public DateTimeOffset? ReplayedAt { get; init; }
}
