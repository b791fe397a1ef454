namespace SuperTickets.Admin.Http;

/// <summary>One page of a listing: the items, which page, its size and how many items match in total.</summary>
public sealed record PagedResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);
