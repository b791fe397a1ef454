using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SuperTickets.Admin.Audit;
using SuperTickets.Admin.Auth;
using SuperTickets.Admin.Http;
using SuperTickets.Data;
using SuperTickets.Data.Admin;

namespace SuperTickets.Admin.DeadLetters;

internal static class DeadLetterEndpoints
{
    private const int MaxReplayAll = 1000;

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/dead-letters").WithTags("Dead letters");
        group.MapGet("/", ListAsync).RequireAuthorization(AdminRoles.Viewer)
            .WithSummary("Dead letters, newest first; replayed ones only with includeReplayed=true.");
        group.MapGet("/{id:long}", GetAsync).RequireAuthorization(AdminRoles.Viewer)
            .WithSummary("One dead letter with headers, payload and the failure.");
        group.MapPost("/{id:long}/replay", ReplayOneAsync).RequireAuthorization(AdminRoles.Admin)
            .WithMetadata(new AuditedAttribute("dead_letter.replay", "dead_letter"))
            .WithSummary("Put the message back on its topic (same message id) and mark it replayed.");
        group.MapPost("/replay", ReplayAllAsync).RequireAuthorization(AdminRoles.Admin)
            .WithMetadata(new AuditedAttribute("dead_letter.replay_all", "dead_letters"))
            .WithSummary($"Replay every dead letter not replayed yet (at most {MaxReplayAll} per call).");
        group.MapDelete("/{id:long}", DeleteAsync).RequireAuthorization(AdminRoles.Admin)
            .WithMetadata(new AuditedAttribute("dead_letter.delete", "dead_letter"))
            .WithSummary("Delete one dead letter.");
        group.MapDelete("/", PurgeAsync).RequireAuthorization(AdminRoles.Admin)
            .WithMetadata(new AuditedAttribute("dead_letter.purge", "dead_letters"))
            .WithSummary("Delete replayed dead letters; with includePending=true, every dead letter.");
    }

    private static async Task<IResult> ListAsync(DeadLetterStore store, bool? includeReplayed, int? limit, CancellationToken ct)
    {
        var errors = new FieldErrors().When(limit is < 1 or > 1000, "limit", "must be between 1 and 1000.");
        if (errors.Any)
        {
            return errors.ToResult();
        }
        return Results.Ok(await store.ListAsync(includeReplayed == true, limit ?? 100, ct));
    }

    private static async Task<IResult> GetAsync(long id, DeadLetterAdminStore admin, CancellationToken ct) =>
        await admin.GetAsync(id, ct) is { } letter ? Results.Ok(DeadLetterView.From(letter)) : NotFound(id);

    private static async Task<IResult> ReplayOneAsync(long id, DeadLetterAdminStore admin, DeadLetterCommands commands, HttpContext http, CancellationToken ct)
    {
        if (await admin.GetAsync(id, ct) is not { } letter)
        {
            return NotFound(id);
        }
        if (letter.ReplayedAt is { } at)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already replayed", detail: $"Dead letter {id} was replayed at {at:O}.");
        }
        var replayed = await commands.ReplayAsync([id], ct);
        http.SetAuditDetail($"topic {letter.Topic}, message {letter.MessageId}");
        return replayed.Count == 1
            ? Results.Ok(new { replayed })
            : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already replayed", detail: $"Dead letter {id} was replayed concurrently.");
    }

    private static async Task<IResult> ReplayAllAsync(DeadLetterAdminStore admin, DeadLetterCommands commands, HttpContext http, CancellationToken ct)
    {
        var replayed = await commands.ReplayAsync(await admin.PendingIdsAsync(MaxReplayAll, ct), ct);
        http.SetAuditDetail($"{replayed.Count} replayed");
        return Results.Ok(new { replayed });
    }

    private static async Task<IResult> DeleteAsync(long id, DeadLetterAdminStore admin, CancellationToken ct) =>
        await admin.DeleteAsync(id, ct) ? Results.NoContent() : NotFound(id);

    private static async Task<IResult> PurgeAsync(DeadLetterAdminStore admin, bool? includePending, HttpContext http, CancellationToken ct)
    {
        var deleted = await admin.PurgeAsync(includePending == true, ct);
        http.SetAuditDetail($"{deleted} deleted" + (includePending == true ? " (including pending)" : ""));
        return Results.Ok(new { deleted });
    }

    private static IResult NotFound(long id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Dead letter not found", detail: $"No dead letter has id {id}.");
}
