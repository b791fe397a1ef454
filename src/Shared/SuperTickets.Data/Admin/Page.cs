namespace SuperTickets.Data.Admin;

/// <summary>One page of a listing and the number of rows matching the filter.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long Total);
