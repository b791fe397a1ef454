namespace SuperTickets.Data;

public sealed record OutboundEmailRecord
{
    public long Id { get; init; }
    public long TicketId { get; init; }
    public string Kind { get; init; } = "";
    public string IdempotencyKey { get; init; } = "";
    public string ToAddress { get; init; } = "";
    public string Subject { get; init; } = "";
    public string MessageId { get; init; } = "";
    public byte[] Content { get; init; } = [];
    public string Status { get; init; } = "pending";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }
}
