using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SuperTickets.Admin.Auth;
using SuperTickets.Admin.Http;
using SuperTickets.Data.Admin;

namespace SuperTickets.Admin.Audit;

internal static class AuditEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/audit", ListAsync).RequireAuthorization(AdminRoles.Admin).WithTags("Audit")
            .WithSummary("Admin actions, newest first: who, what, when, target and outcome.");

    private static async Task<IResult> ListAsync(AuditLogStore store, string? actor, string? action, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors().Length(actor, "actor", 200).Length(action, "action", 100);
        var (limit, offset) = Paging.Read(page, pageSize, errors);
        return errors.Any ? errors.ToResult() : Results.Ok(await store.ListAsync(actor, action, limit, offset, ct));
    }
}
