namespace SuperTickets.Data;

public sealed record TicketMessageRecord
{
    public long Id { get; init; }
    public long TicketId { get; init; }
    public long? RawEmailId { get; init; }
    public string? MessageId { get; init; }
    public string Direction { get; init; } = "";
    public string Author { get; init; } = "";
    public string Body { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}
