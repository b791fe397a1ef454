using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SuperTickets.Admin.Audit;
using SuperTickets.Admin.Auth;
using SuperTickets.Admin.Http;
using SuperTickets.Data;
using SuperTickets.Data.Admin;
using SuperTickets.Pipeline.Resolve;

namespace SuperTickets.Admin.Knowledge;

internal static class KnowledgeEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/kb").WithTags("Knowledge base");
        group.MapGet("/", ListAsync).RequireAuthorization(AdminRoles.Viewer).WithSummary("Articles by id, optionally of one category.");
        group.MapGet("/search", SearchAsync).RequireAuthorization(AdminRoles.Viewer)
            .WithSummary("Search the index the resolve stage answers from (hybrid text + embedding ranking).");
        group.MapGet("/{id}", async (string id, KbAdminStore store, CancellationToken ct) =>
                await store.GetAsync(id, ct) is { } article ? Results.Ok(KbArticleView.From(article)) : Responses.NotFound("Article", id))
            .RequireAuthorization(AdminRoles.Viewer).WithSummary("One article.");
        group.MapPost("/", CreateAsync).RequireAuthorization(AdminRoles.Admin)
            .WithMetadata(new AuditedAttribute("kb_article.create", "kb_article")).WithSummary("Create an article.");
        group.MapPut("/{id}", ReplaceAsync).RequireAuthorization(AdminRoles.Admin)
            .WithMetadata(new AuditedAttribute("kb_article.replace", "kb_article")).WithSummary("Replace an article.");
        group.MapDelete("/{id}", DeleteAsync).RequireAuthorization(AdminRoles.Admin)
            .WithMetadata(new AuditedAttribute("kb_article.delete", "kb_article")).WithSummary("Delete an article.");
    }

    private static async Task<IResult> ListAsync(KbAdminStore store, string? category, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors().Length(category, "category", 100);
        var (limit, offset) = Paging.Read(page, pageSize, errors);
        if (errors.Any)
        {
            return errors.ToResult();
        }
        var result = await store.ListAsync(category, limit, offset, ct);
        return Results.Ok(Paging.Response(result.Items.Select(KbArticleView.From).ToList(), result.Total, limit, offset));
    }

    private static async Task<IResult> SearchAsync(KnowledgeBase knowledge, string? q, int? limit, string? language, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Length(q, "q", 2000, required: true)
            .When(limit is < 1 or > 50, "limit", "must be between 1 and 50.")
            .Length(language, "language", 10);
        if (errors.Any)
        {
            return errors.ToResult();
        }
        var index = await knowledge.GetAsync(ct);
        var hits = index.Search(q!, limit ?? 5, language)
            .Select(h => new KbSearchHit(h.Article.Id, h.Article.Title, h.Article.Category, Math.Round(h.Score, 4), Math.Round(h.Similarity, 4), Math.Round(h.TextScore, 4)))
            .ToList();
        return Results.Ok(hits);
    }

    private static async Task<IResult> CreateAsync(KbArticleInput input, KbAdminStore admin, KbStore store, KnowledgeBase knowledge, TimeProvider clock, CancellationToken ct)
    {
        var errors = input.Validate(input.Id ?? "");
        if (errors.Any)
        {
            return errors.ToResult();
        }
        if (await admin.GetAsync(input.Id!, ct) is not null)
        {
            return Responses.Conflict("Article exists", $"Article '{input.Id}' exists; use PUT to replace it.");
        }
        var record = input.ToRecord(input.Id!, clock.GetUtcNow());
        await store.UpsertAsync([record], ct);
        knowledge.Invalidate();
        return Results.Created($"/api/kb/{record.Id}", KbArticleView.From(record));
    }

    private static async Task<IResult> ReplaceAsync(string id, KbArticleInput input, KbAdminStore admin, KbStore store, KnowledgeBase knowledge, TimeProvider clock, CancellationToken ct)
    {
        var errors = input.Validate(id).When(input.Id is not null && input.Id != id, "id", "must match the id in the path (or be left out).");
        if (errors.Any)
        {
            return errors.ToResult();
        }
        if (await admin.GetAsync(id, ct) is null)
        {
            return Responses.NotFound("Article", id);
        }
        var record = input.ToRecord(id, clock.GetUtcNow());
        await store.UpsertAsync([record], ct);
        knowledge.Invalidate();
        return Results.Ok(KbArticleView.From(record));
    }

    private static async Task<IResult> DeleteAsync(string id, KbStore store, KnowledgeBase knowledge, CancellationToken ct)
    {
        if (!await store.DeleteAsync(id, ct))
        {
            return Responses.NotFound("Article", id);
        }
        knowledge.Invalidate();
        return Results.NoContent();
    }
}
