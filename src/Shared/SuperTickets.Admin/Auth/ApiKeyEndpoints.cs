using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SuperTickets.Admin.Audit;
using SuperTickets.Admin.Http;
using SuperTickets.Data.Admin;

namespace SuperTickets.Admin.Auth;

internal static class ApiKeyEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/keys").WithTags("API keys");
        group.MapGet("/", async (ApiKeyStore store, CancellationToken ct) =>
                (await store.ListAsync(ct)).Select(k => new ApiKeyView(k.Id, k.Name, k.Role, k.CreatedAt, k.RevokedAt)))
            .RequireAuthorization(AdminRoles.Admin).WithSummary("Every API key (never the key itself).");
        group.MapPost("/", CreateAsync).RequireAuthorization(AdminRoles.Admin)
            .WithMetadata(new AuditedAttribute("api_key.create", "api_key")).WithSummary("Create a key; the response is the only place it appears.");
        group.MapDelete("/{id}", async (string id, ApiKeyStore store, CancellationToken ct) =>
                await store.RevokeAsync(id, ct) ? Results.NoContent() : Responses.NotFound("Key", id))
            .RequireAuthorization(AdminRoles.Admin).WithMetadata(new AuditedAttribute("api_key.revoke", "api_key")).WithSummary("Revoke a key.");
    }

    private static async Task<IResult> CreateAsync(ApiKeyRequest request, ApiKeyStore store, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .When(request.Role is null, "role", "is required.")
            .OneOf(request.Role, "role", AdminRoles.All)
            .Length(request.Name, "name", 200);
        if (errors.Any)
        {
            return errors.ToResult();
        }
        var (record, key) = ApiKeys.Create(request.Role!, string.IsNullOrWhiteSpace(request.Name) ? $"{request.Role} key" : request.Name.Trim(), clock.GetUtcNow());
        await store.InsertAsync(record, ct);
        http.SetAuditDetail($"created {record.Role} key {record.Id}");
        return Results.Created($"/api/keys/{record.Id}", new CreatedApiKey(record.Id, record.Name, record.Role, key));
    }
}
