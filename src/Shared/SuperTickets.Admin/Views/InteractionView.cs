using System.Text.Json;
using SuperTickets.Admin.Http;
using SuperTickets.Data;

namespace SuperTickets.Admin.Views;

/// <summary>An interaction-log entry with its analysis as JSON.</summary>
public sealed record InteractionView(
    long Id, DateTimeOffset OccurredAt, string Stage, string Action, long? EmailId, long? TicketId, string? CorrelationId, string Summary, JsonElement? Analysis)
{
    public static InteractionView From(InteractionRecord r) =>
        new(r.Id, r.OccurredAt, r.Stage, r.Action, r.RawEmailId, r.TicketId, r.CorrelationId, r.Summary, JsonText.Parse(r.AnalysisJson));
}
