using System.Text.Json;
using SuperTickets.Data;
using SuperTickets.Data.Admin;

namespace SuperTickets.Admin.Views;

/// <summary>A ticket with its conversation, SLA clock, score breakdown, interaction log and outgoing mail.</summary>
public sealed record TicketDetail(
    TicketRecord Ticket,
    string Number,
    JsonElement? ScoreBreakdown,
    TicketSlaRecord? Sla,
    IReadOnlyList<TicketMessageRecord> Messages,
    IReadOnlyList<InteractionView> Interactions,
    IReadOnlyList<OutboundEmailView> Replies);
