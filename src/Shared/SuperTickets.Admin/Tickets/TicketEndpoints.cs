using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using SuperTickets.Admin.Audit;
using SuperTickets.Admin.Auth;
using SuperTickets.Admin.Http;
using SuperTickets.Admin.Views;
using SuperTickets.Contracts;
using SuperTickets.Data;
using SuperTickets.Data.Admin;

namespace SuperTickets.Admin.Tickets;

internal static class TicketEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/tickets").WithTags("Tickets");
        group.MapGet("/", ListAsync).RequireAuthorization(AdminRoles.Viewer)
            .WithSummary("Tickets, filtered and paged; smart order (default) puts open, high-scoring, nearly-due work first.");
        group.MapGet("/{id:long}", GetAsync).RequireAuthorization(AdminRoles.Viewer)
            .WithSummary("One ticket with messages, SLA, score breakdown, interaction log and outgoing mail.");
        group.MapPatch("/{id:long}", UpdateAsync).RequireAuthorization(AdminRoles.Agent)
            .WithMetadata(new AuditedAttribute("ticket.update", "ticket"))
            .WithSummary("Change status, priority or assignee.");
        group.MapPost("/{id:long}/replies", ReplyAsync).RequireAuthorization(AdminRoles.Agent)
            .WithMetadata(new AuditedAttribute("ticket.reply", "ticket"))
            .WithSummary("Send an agent reply to the customer (idempotent per Idempotency-Key).");
    }

    private static async Task<IResult> ListAsync(
        TicketAdminStore store, string? status, string? priority, string? category, string? assignee, string? order, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .OneOf(status, "status", TicketPatch.Statuses)
            .OneOf(priority, "priority", TicketPatch.Priorities)
            .Length(category, "category", 100)
            .OneOf(order, "order", ["smart", "newest"]);
        long? assigneeId = null;
        var unassigned = assignee == "none";
        if (assignee is not null && !unassigned)
        {
            errors.When(!long.TryParse(assignee, out var parsed) || parsed <= 0, "assignee", "must be an agent id or 'none'.");
            assigneeId = long.TryParse(assignee, out var id) ? id : null;
        }
        var (limit, offset) = Paging.Read(page, pageSize, errors);
        if (errors.Any)
        {
            return errors.ToResult();
        }
        var result = await store.ListAsync(new TicketFilter(status, priority, category, assigneeId, unassigned, order != "newest", limit, offset), ct);
        return Results.Ok(Paging.Response(result.Items, result.Total, limit, offset));
    }

    private static async Task<IResult> GetAsync(long id, TicketStore tickets, TicketAdminStore admin, InteractionLog log, OutboundEmailStore outbound, CancellationToken ct)
    {
        if (await tickets.GetAsync(id, ct) is not { } ticket)
        {
            return NotFound(id);
        }
        var interactions = (await log.ListAsync(null, id, 500, ct))
            .Concat(await log.ListAsync(ticket.RootEmailId, null, 500, ct))
            .DistinctBy(i => i.Id)
            .OrderBy(i => i.Id)
            .Select(InteractionView.From)
            .ToList();
        var replies = (await outbound.ListForTicketAsync(id, ct)).Select(OutboundEmailView.From).ToList();
        return Results.Ok(new TicketDetail(ticket, TicketNumber.Format(id), JsonText.Parse(ticket.ScoreBreakdownJson),
            await admin.GetSlaAsync(id, ct), await admin.MessagesAsync(id, ct), interactions, replies));
    }

    private static async Task<IResult> UpdateAsync(long id, TicketPatch patch, TicketCommands commands, TicketAdminStore admin, HttpContext http, CancellationToken ct)
    {
        var errors = patch.Validate();
        if (patch.AssigneeId is > 0 and var agentId && !await admin.AgentExistsAsync(agentId, ct))
        {
            errors.Add("assigneeId", $"no agent has id {agentId}.");
        }
        if (errors.Any)
        {
            return errors.ToResult();
        }
        var updated = await commands.UpdateAsync(id, patch, http.User.Actor(), ct);
        if (updated is not { } result)
        {
            return NotFound(id);
        }
        http.SetAuditDetail(result.Changes.Count == 0 ? "no change" : string.Join("; ", result.Changes));
        return Results.Ok(result.Ticket);
    }

    private static async Task<IResult> ReplyAsync(
        long id, ReplyRequest request, TicketCommands commands, HttpContext http, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken ct)
    {
        var errors = request.Validate(idempotencyKey);
        if (errors.Any)
        {
            return errors.ToResult();
        }
        var outcome = await commands.ReplyAsync(id, request, idempotencyKey, http.User.Actor(), ct);
        if (outcome.Email is not { } email)
        {
            return NotFound(id);
        }
        http.SetAuditDetail(outcome.Created ? $"outbound email {email.Id} queued" : $"repeated request; outbound email {email.Id} already existed");
        var view = OutboundEmailView.From(email);
        return outcome.Created ? Results.Created($"/api/tickets/{id}", view) : Results.Ok(view);
    }

    private static IResult NotFound(long id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Ticket not found", detail: $"No ticket has id {id}.");
}
