namespace SuperTickets.Knowledge;

/// <summary>
/// An external full-text search (for example the database's): the best <paramref name="top"/> articles for
/// <paramref name="terms"/> (plain words separated by spaces), best first, optionally in one language.
/// </summary>
public delegate Task<IReadOnlyList<KbTextMatch>> KbTextSearch(string terms, int top, string? language, CancellationToken ct);
