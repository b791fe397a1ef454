namespace SuperTickets.Knowledge;

/// <summary>
/// Whether one article alone answers a query. <see cref="Confidence"/> is in 0..1; see
/// <see cref="KnowledgeIndex.Decide"/> for how it is computed and calibrated.
/// </summary>
/// <param name="Best">The top-ranked article, or null when nothing matched at all.</param>
/// <param name="Confidence">Estimated probability that <see cref="Best"/> answers the query on its own.</param>
/// <param name="Threshold">The threshold the caller asked for.</param>
public sealed record KbAnswerability(KbHit? Best, double Confidence, double Threshold)
{
    /// <summary>True when there is a best article and its confidence reaches the threshold.</summary>
    public bool IsAnswerable => Best is not null && Confidence >= Threshold;

    /// <summary>The evidence behind <see cref="Confidence"/>; null when nothing matched.</summary>
    public KbEvidence? Evidence { get; init; }
}
