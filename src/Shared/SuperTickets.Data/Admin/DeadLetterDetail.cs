namespace SuperTickets.Data.Admin;

/// <summary>A dead letter with its headers and payload (JSON text), for inspection before a replay.</summary>
public sealed record DeadLetterDetail
{
    public long Id { get; init; }
    public string MessageId { get; init; } = "";
    public string Topic { get; init; } = "";
    public string MsgKey { get; init; } = "";
    public string MessageType { get; init; } = "";
    public string HeadersJson { get; init; } = "{}";
    public byte[] Payload { get; init; } = [];
    public string ConsumerGroup { get; init; } = "";
    public string ExceptionType { get; init; } = "";
    public string ExceptionMessage { get; init; } = "";
    public int Attempts { get; init; }
    public string? OriginalPartition { get; init; }
    public string? OriginalOffset { get; init; }
    public DateTimeOffset FirstFailedAt { get; init; }
    public DateTimeOffset FailedAt { get; init; }
    public DateTimeOffset? ReplayedAt { get; init; }
}
