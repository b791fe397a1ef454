using System.Collections.Concurrent;

namespace SuperTickets.Knowledge.Retrieval;

/// <summary>
/// Append-only term → id map shared by all snapshots of one index, with a one-deletion neighbourhood of
/// each term (every term with one character removed) for typo-tolerant lookup. Only the writer adds (under
/// the index's write lock); searchers read concurrently and ignore ids beyond their snapshot's postings.
/// </summary>
internal sealed class Vocabulary
{
    private const int MinFuzzyLength = 4;

    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ulong, int[]> _neighbourhood = new();

    /// <summary>The writer's own copy of the ids: a plain dictionary, several times faster to probe than the
    /// concurrent one, which is what a bulk build does millions of times.</summary>
    private readonly Dictionary<string, int> _writerIds = [];
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _writerBySpan;

    public Vocabulary() => _writerBySpan = _writerIds.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _ids.Count;

    /// <summary>The id of <paramref name="term"/>, assigning the next one when it is new; allocates only for new
    /// terms. Writer only.</summary>
    public int GetOrAdd(ReadOnlySpan<char> term)
    {
        if (_writerBySpan.TryGetValue(term, out var id))
        {
            return id;
        }

        return Add(term.ToString());
    }

    private int Add(string term)
    {
        var id = _writerIds.Count;
        _writerIds[term] = id;
        _ids[term] = id;
        if (term.Length >= MinFuzzyLength)
        {
            foreach (var key in Keys(term))
            {
                _neighbourhood.AddOrUpdate(key, _ => [id], (_, ids) => [.. ids, id]);
            }
        }

        return id;
    }

    public bool TryGet(string term, out int id) => _ids.TryGetValue(term, out id);

    /// <summary>
    /// Ids of terms within about one edit of <paramref name="term"/> (insertion, deletion, substitution or
    /// swap of neighbouring letters): they share the term itself or one of its one-deletion variants.
    /// </summary>
    public IReadOnlyCollection<int> Similar(string term)
    {
        var found = new HashSet<int>();
        if (term.Length < MinFuzzyLength)
        {
            return found;
        }

        foreach (var key in Keys(term))
        {
            if (_neighbourhood.TryGetValue(key, out var ids))
            {
                found.UnionWith(ids);
            }
        }

        if (_ids.TryGetValue(term, out var self))
        {
            found.Remove(self);
        }

        return found;
    }

    private static List<ulong> Keys(string term)
    {
        var keys = new List<ulong>(term.Length + 1) { Hash(term, -1) };
        for (var skip = 0; skip < term.Length; skip++)
        {
            keys.Add(Hash(term, skip));
        }

        return keys;
    }

    private static ulong Hash(string term, int skip)
    {
        var h = 0xCBF29CE484222325UL;
        for (var i = 0; i < term.Length; i++)
        {
            if (i != skip)
            {
                h = (h ^ term[i]) * 0x100000001B3UL;
            }
        }

        return h;
    }
}
