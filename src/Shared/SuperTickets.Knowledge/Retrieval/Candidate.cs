namespace SuperTickets.Knowledge.Retrieval;

/// <summary>A fused result with the evidence behind it; ranks are 1-based, 0 when absent from that list.</summary>
internal sealed record Candidate(int Ordinal, double Fused, double Similarity, double TextScore, int TextRank, int VectorRank);
