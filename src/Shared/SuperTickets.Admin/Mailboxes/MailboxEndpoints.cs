using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SuperTickets.Admin.Audit;
using SuperTickets.Admin.Auth;
using SuperTickets.Admin.Http;
using SuperTickets.Data;

namespace SuperTickets.Admin.Mailboxes;

internal static class MailboxEndpoints
{
    public const string Paused = "paused";
    public const string Active = "active";

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/mailboxes").WithTags("Mailboxes");
        group.MapGet("/", (MailboxStore store, CancellationToken ct) => store.ListAsync(ct)).RequireAuthorization(AdminRoles.Viewer)
            .WithSummary("Every mailbox with its status, checkpoint, last poll and last error.");
        group.MapPost("/{id}/pause", (string id, MailboxStore store, CancellationToken ct) => SetAsync(id, Paused, store, ct))
            .RequireAuthorization(AdminRoles.Admin).WithMetadata(new AuditedAttribute("mailbox.pause", "mailbox"))
            .WithSummary("Mark the mailbox paused (its poller stops fetching).");
        group.MapPost("/{id}/resume", (string id, MailboxStore store, CancellationToken ct) => SetAsync(id, Active, store, ct))
            .RequireAuthorization(AdminRoles.Admin).WithMetadata(new AuditedAttribute("mailbox.resume", "mailbox"))
            .WithSummary("Mark the mailbox active again.");
    }

    private static async Task<IResult> SetAsync(string id, string status, MailboxStore store, CancellationToken ct)
    {
        if ((await store.ListAsync(ct)).All(m => m.Id != id))
        {
            return Responses.NotFound("Mailbox", id);
        }
        await store.SetStatusAsync(id, status, null, ct);
        return Results.Ok((await store.ListAsync(ct)).Single(m => m.Id == id));
    }
}
