using System.Collections.Concurrent;

namespace SuperTickets.Knowledge.Retrieval;

/// <summary>
/// Append-only term → id map shared by all snapshots of one index. Only the writer adds (under the
/// index's write lock); searchers read concurrently and ignore ids beyond their snapshot's posting table.
/// </summary>
internal sealed class Vocabulary
{
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);

    public int Count => _ids.Count;

    public int GetOrAdd(string term) => _ids.TryGetValue(term, out var id) ? id : _ids[term] = _ids.Count;

    public bool TryGet(string term, out int id) => _ids.TryGetValue(term, out id);
}
