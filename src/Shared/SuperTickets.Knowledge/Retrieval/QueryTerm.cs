namespace SuperTickets.Knowledge.Retrieval;

/// <summary>A query term id with its weight; <see cref="Exact"/> is false for typo corrections (which weigh less).</summary>
internal readonly record struct QueryTerm(int Id, float Weight, bool Exact);
