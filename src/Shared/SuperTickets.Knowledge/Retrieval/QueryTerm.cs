namespace SuperTickets.Knowledge.Retrieval;

/// <summary>A query term id with its weight (1 for exact matches, less for typo corrections).</summary>
internal readonly record struct QueryTerm(int Id, float Weight);
