using System.Text.Json;
using SuperTickets.Data;
using SuperTickets.Knowledge;
using SuperTickets.Knowledge.Embedding;

namespace SuperTickets.Pipeline.Resolve;

/// <summary>
/// The in-memory hybrid index over the knowledge-base articles, loaded from the database on first use; its vectors
/// come from the embedding provider of <c>Knowledge:Embeddings</c> when one is configured, hashed n-grams otherwise.
/// </summary>
public sealed class KnowledgeBase(KbStore store, KnowledgeIndexBuilder builder)
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private KnowledgeIndex? _index;

    public async ValueTask<KnowledgeIndex> GetAsync(CancellationToken ct)
    {
        if (_index is { } ready)
        {
            return ready;
        }
        await _loading.WaitAsync(ct);
        try
        {
            return _index ??= builder.Build((await store.ListAsync(ct)).Select(ToArticle));
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Drops the index so the next use reloads it (after admin edits).</summary>
    public void Invalidate() => _index = null;

    public static KbArticle ToArticle(KbArticleRecord r) => new(
        r.Id, r.Title, r.Body, r.Category, JsonSerializer.Deserialize<List<string>>(r.TagsJson) ?? [], r.Language, r.UpdatedAt);
}
