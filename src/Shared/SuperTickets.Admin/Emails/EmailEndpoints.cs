using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SuperTickets.Admin.Audit;
using SuperTickets.Admin.Auth;
using SuperTickets.Admin.Http;
using SuperTickets.Admin.Views;
using SuperTickets.Data;
using SuperTickets.Data.Admin;
using SuperTickets.Pipeline.Ingest;

namespace SuperTickets.Admin.Emails;

internal static class EmailEndpoints
{
    private static readonly string[] Statuses =
        [EmailStatus.Received, EmailStatus.Quarantined, EmailStatus.Triaged, EmailStatus.Resolved, EmailStatus.Ignored];

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/emails").WithTags("Emails");
        group.MapGet("/", ListAsync).RequireAuthorization(AdminRoles.Viewer)
            .WithSummary("Stored emails, newest first, by status and mailbox.");
        group.MapGet("/quarantine", QuarantineAsync).RequireAuthorization(AdminRoles.Viewer)
            .WithSummary("Quarantined emails with the reason for each.");
        group.MapGet("/{id:long}", GetAsync).RequireAuthorization(AdminRoles.Viewer)
            .WithSummary("The parsed view of an email and its interaction log.");
        group.MapGet("/{id:long}/raw", RawAsync).RequireAuthorization(AdminRoles.Viewer)
            .WithMetadata(new AuditedAttribute("email.download_raw", "email"))
            .Produces(StatusCodes.Status200OK, contentType: "message/rfc822")
            .WithSummary("The email exactly as received (message/rfc822).");
        group.MapPost("/{id:long}/reprocess", ReprocessOneAsync).RequireAuthorization(AdminRoles.Admin)
            .WithMetadata(new AuditedAttribute("email.reprocess", "email"))
            .WithSummary("Parse the stored bytes again; publish the email to triage when acceptable now (or force=true).");
        group.MapPost("/reprocess", ReprocessManyAsync).RequireAuthorization(AdminRoles.Admin)
            .WithMetadata(new AuditedAttribute("email.reprocess_many", "emails"))
            .WithSummary("Reprocess the given emails, or every quarantined email.");
    }

    private static async Task<IResult> ListAsync(EmailAdminStore store, string? status, string? mailbox, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors().OneOf(status, "status", Statuses).Length(mailbox, "mailbox", 200);
        var (limit, offset) = Paging.Read(page, pageSize, errors);
        if (errors.Any)
        {
            return errors.ToResult();
        }
        var result = await store.ListAsync(status, mailbox, limit, offset, ct);
        return Results.Ok(Paging.Response(result.Items, result.Total, limit, offset));
    }

    private static Task<IResult> QuarantineAsync(EmailAdminStore store, int? page, int? pageSize, CancellationToken ct) =>
        ListAsync(store, EmailStatus.Quarantined, null, page, pageSize, ct);

    private static async Task<IResult> GetAsync(long id, EmailAdminStore admin, EmailStore emails, InteractionLog log, CancellationToken ct)
    {
        if (await admin.GetAsync(id, ct) is not { } email)
        {
            return NotFound(id);
        }
        var parsed = await emails.GetParsedAsync(id, ct);
        var interactions = (await log.ListAsync(id, null, 500, ct)).Select(InteractionView.From).ToList();
        return Results.Ok(new EmailDetail(email, parsed is null ? null : ParsedEmailView.From(parsed), interactions));
    }

    private static async Task<IResult> RawAsync(long id, EmailStore emails, CancellationToken ct) =>
        await emails.GetRawContentAsync(id, ct) is { } content
            ? Results.File(content, "message/rfc822", $"email-{id}.eml")
            : NotFound(id);

    private static async Task<IResult> ReprocessOneAsync(long id, bool? force, EmailReprocessor reprocessor, HttpContext http, CancellationToken ct)
    {
        var result = await reprocessor.ReprocessAsync(id, force == true, http.User.Actor(), ct);
        http.SetAuditDetail($"{result.Outcome}" + (force == true ? " (forced)" : ""));
        return result.Outcome switch
        {
            EmailReprocessor.NotFound => NotFound(id),
            EmailReprocessor.NotReprocessable => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Email cannot be reprocessed", detail: result.Reason),
            _ => Results.Ok(result),
        };
    }

    private static async Task<IResult> ReprocessManyAsync(ReprocessRequest request, EmailReprocessor reprocessor, EmailAdminStore admin, HttpContext http, CancellationToken ct)
    {
        var errors = request.Validate();
        if (errors.Any)
        {
            return errors.ToResult();
        }
        var ids = request.AllQuarantined
            ? await admin.IdsWithStatusAsync(EmailStatus.Quarantined, ReprocessRequest.MaxEmails, ct)
            : request.Ids!;
        var results = await reprocessor.ReprocessAsync(ids, request.Force, http.User.Actor(), ct);
        http.SetAuditDetail(string.Join(", ", results.GroupBy(r => r.Outcome).Select(g => $"{g.Key}: {g.Count()}")) is { Length: > 0 } summary ? summary : "nothing to reprocess");
        return Results.Ok(results);
    }

    private static IResult NotFound(long id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Email not found", detail: $"No stored email has id {id}.");
}
