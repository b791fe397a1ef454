namespace SuperTickets.Knowledge;

/// <summary>
/// Turns text into a fixed-length, L2-normalized vector. Implementations must be deterministic and
/// safe to call from several threads at once. The index calls it once per article on build and update
/// and once per query, so a remote embedder should cache its results.
/// </summary>
public interface ITextEmbedder
{
    /// <summary>Length of every vector this embedder writes.</summary>
    int Dimensions { get; }

    /// <summary>Writes the unit-length embedding of <paramref name="text"/> into <paramref name="destination"/>
    /// (length <see cref="Dimensions"/>); an all-zero vector when the text has no usable content.</summary>
    void Embed(string text, Span<float> destination);
}
