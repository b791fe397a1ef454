using SuperTickets.Pipeline.Sla;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SuperTickets.Admin.Audit;
using SuperTickets.Admin.Auth;
using SuperTickets.Admin.Http;
using SuperTickets.Data;
using SuperTickets.Data.Admin;
using SuperTickets.Pipeline.Resolve;
using SuperTickets.Sla;

namespace SuperTickets.Admin.Sla;

internal static class SlaEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var policies = api.MapGroup("/sla/policies").WithTags("SLA");
        policies.MapGet("/", (SlaPolicyStore store, CancellationToken ct) => store.ListAsync(ct)).RequireAuthorization(AdminRoles.Viewer)
            .WithSummary("Every SLA policy.");
        policies.MapGet("/{id}", GetPolicyAsync).RequireAuthorization(AdminRoles.Viewer).WithSummary("One SLA policy.");
        policies.MapPost("/", CreatePolicyAsync).RequireAuthorization(AdminRoles.Admin)
            .WithMetadata(new AuditedAttribute("sla_policy.create", "sla_policy")).WithSummary("Create a policy (new tickets use it at once).");
        policies.MapPut("/{id}", ReplacePolicyAsync).RequireAuthorization(AdminRoles.Admin)
            .WithMetadata(new AuditedAttribute("sla_policy.replace", "sla_policy")).WithSummary("Replace a policy.");
        policies.MapDelete("/{id}", DeletePolicyAsync).RequireAuthorization(AdminRoles.Admin)
            .WithMetadata(new AuditedAttribute("sla_policy.delete", "sla_policy")).WithSummary("Delete a policy no ticket uses (disable it otherwise).");

        var calendars = api.MapGroup("/sla/calendars").WithTags("SLA");
        calendars.MapGet("/", async (SlaAdminStore store, CancellationToken ct) => (await store.ListCalendarsAsync(ct)).Select(CalendarView.From))
            .RequireAuthorization(AdminRoles.Viewer).WithSummary("Every business calendar.");
        calendars.MapGet("/{id}", async (string id, SlaAdminStore store, CancellationToken ct) =>
                await store.GetCalendarAsync(id, ct) is { } calendar ? Results.Ok(CalendarView.From(calendar)) : Responses.NotFound("Calendar", id))
            .RequireAuthorization(AdminRoles.Viewer).WithSummary("One business calendar.");
        calendars.MapPut("/{id}", PutCalendarAsync).RequireAuthorization(AdminRoles.Admin)
            .WithMetadata(new AuditedAttribute("sla_calendar.put", "sla_calendar")).WithSummary("Create or replace a calendar (time zone validated).");
        calendars.MapDelete("/{id}", async (string id, SlaAdminStore store, SlaPlanner planner, CancellationToken ct) =>
            {
                var outcome = await store.DeleteCalendarAsync(id, ct);
                planner.Invalidate();
                return Responses.Deleted(outcome, "Calendar", id, "SLA policies");
            })
            .RequireAuthorization(AdminRoles.Admin)
            .WithMetadata(new AuditedAttribute("sla_calendar.delete", "sla_calendar")).WithSummary("Delete a calendar no policy names.");
    }

    private static async Task<IResult> GetPolicyAsync(string id, SlaAdminStore store, CancellationToken ct) =>
        await store.GetPolicyAsync(id, ct) is { } policy ? Results.Ok(policy) : Responses.NotFound("Policy", id);

    private static async Task<IResult> CreatePolicyAsync(
        SlaPolicyInput input, SlaAdminStore admin, SlaPolicyStore store, SlaPlanner planner, TimeProvider clock, CancellationToken ct)
    {
        var errors = await ValidateAsync(input, input.Id ?? "", admin, ct);
        if (errors.Any)
        {
            return errors.ToResult();
        }
        if (await admin.GetPolicyAsync(input.Id!, ct) is not null)
        {
            return Responses.Conflict("Policy exists", $"Policy '{input.Id}' exists; use PUT to replace it.");
        }
        var record = input.ToRecord(input.Id!, clock.GetUtcNow());
        await store.UpsertAsync([record], ct);
        planner.Invalidate();
        return Results.Created($"/api/sla/policies/{record.Id}", record);
    }

    /// <summary>Replaces a policy; unsolved tickets under it move to the new targets (business time already used counts).</summary>
    private static async Task<IResult> ReplacePolicyAsync(
        string id, SlaPolicyInput input, SlaAdminStore admin, SlaPolicyStore store, SlaPlanner planner, TicketSlaClock slaClock,
        DbSession session, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var errors = await ValidateAsync(input, id, admin, ct);
        errors.When(input.Id is not null && input.Id != id, "id", "must match the id in the path (or be left out).");
        if (errors.Any)
        {
            return errors.ToResult();
        }
        if (await admin.GetPolicyAsync(id, ct) is not { } before)
        {
            return Responses.NotFound("Policy", id);
        }
        var record = input.ToRecord(id, clock.GetUtcNow());
        await store.UpsertAsync([record], ct);
        planner.Invalidate();
        await session.BeginAsync(ct);
        var moved = await slaClock.ApplyPolicyEditAsync(session, SlaCatalog.ToPolicy(before), SlaCatalog.ToPolicy(record), ct);
        await session.CommitAsync(ct);
        http.Response.Headers["X-Tickets-Retargeted"] = moved.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Ok(record);
    }

    private static async Task<IResult> DeletePolicyAsync(string id, SlaAdminStore admin, SlaPlanner planner, CancellationToken ct)
    {
        var outcome = await admin.DeletePolicyAsync(id, ct);
        planner.Invalidate();
        return Responses.Deleted(outcome, "Policy", id, "tickets");
    }

    private static async Task<IResult> PutCalendarAsync(string id, CalendarInput input, SlaAdminStore store, SlaPlanner planner, TimeProvider clock, CancellationToken ct)
    {
        var errors = input.Validate(id);
        if (errors.Any)
        {
            return errors.ToResult();
        }
        var existed = await store.GetCalendarAsync(id, ct) is not null;
        var record = input.ToRecord(id, clock.GetUtcNow());
        await store.UpsertCalendarAsync(record, ct);
        planner.Invalidate();
        return existed ? Results.Ok(CalendarView.From(record)) : Results.Created($"/api/sla/calendars/{id}", CalendarView.From(record));
    }

    /// <summary>A policy may only name a stored calendar (or the built-in always-open one), or it would fail when used.</summary>
    private static async Task<FieldErrors> ValidateAsync(SlaPolicyInput input, string id, SlaAdminStore admin, CancellationToken ct)
    {
        var errors = input.Validate(id);
        if (input.CalendarId is { } calendar && Ids.IsValid(calendar) && calendar != BusinessCalendar.AlwaysOpenId
            && await admin.GetCalendarAsync(calendar, ct) is null)
        {
            errors.Add("calendarId", $"calendar '{calendar}' does not exist; create it under /api/sla/calendars first.");
        }
        return errors;
    }
}
