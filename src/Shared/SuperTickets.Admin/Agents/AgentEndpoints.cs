using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SuperTickets.Admin.Audit;
using SuperTickets.Admin.Auth;
using SuperTickets.Admin.Http;
using SuperTickets.Data;
using SuperTickets.Data.Admin;

namespace SuperTickets.Admin.Agents;

internal static class AgentEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/agents").WithTags("Agents");
        group.MapGet("/", async (AgentStore store, CancellationToken ct) => (await store.ListAsync(ct)).Select(AgentView.From))
            .RequireAuthorization(AdminRoles.Viewer).WithSummary("Every agent.");
        group.MapGet("/{id:long}", async (long id, AgentAdminStore store, CancellationToken ct) =>
                await store.GetAsync(id, ct) is { } agent ? Results.Ok(AgentView.From(agent)) : NotFound(id))
            .RequireAuthorization(AdminRoles.Viewer).WithSummary("One agent.");
        group.MapPost("/", CreateAsync).RequireAuthorization(AdminRoles.Admin)
            .WithMetadata(new AuditedAttribute("agent.create", "agent")).WithSummary("Add an agent.");
        group.MapPut("/{id:long}", ReplaceAsync).RequireAuthorization(AdminRoles.Admin)
            .WithMetadata(new AuditedAttribute("agent.replace", "agent")).WithSummary("Replace an agent's details, skills, capacity or status.");
        group.MapDelete("/{id:long}", async (long id, AgentAdminStore store, CancellationToken ct) =>
                Responses.Deleted(await store.DeleteAsync(id, ct), "Agent", id.ToString(CultureInfo.InvariantCulture), "tickets or assignments (set status offline instead)"))
            .RequireAuthorization(AdminRoles.Admin)
            .WithMetadata(new AuditedAttribute("agent.delete", "agent")).WithSummary("Delete an agent who never had a ticket.");
    }

    private static async Task<IResult> CreateAsync(AgentInput input, AgentAdminStore store, TimeProvider clock, CancellationToken ct)
    {
        var errors = input.Validate();
        if (errors.Any)
        {
            return errors.ToResult();
        }
        var record = input.ToRecord(0, clock.GetUtcNow());
        if (await store.InsertAsync(record, ct) is not { } id)
        {
            return Responses.Conflict("Agent exists", "Another agent has this email address.");
        }
        return Results.Created($"/api/agents/{id}", AgentView.From(record with { Id = id }));
    }

    private static async Task<IResult> ReplaceAsync(long id, AgentInput input, AgentAdminStore store, TimeProvider clock, CancellationToken ct)
    {
        var errors = input.Validate();
        if (errors.Any)
        {
            return errors.ToResult();
        }
        if (await store.GetAsync(id, ct) is not { } existing)
        {
            return NotFound(id);
        }
        var record = input.ToRecord(id, existing.CreatedAt);
        if (await store.EmailTakenAsync(record.Email, id, ct))
        {
            return Responses.Conflict("Agent exists", "Another agent has this email address.");
        }
        await store.UpdateAsync(record, ct);
        return Results.Ok(AgentView.From(record));
    }

    private static IResult NotFound(long id) => Responses.NotFound("Agent", id.ToString(CultureInfo.InvariantCulture));
}
