using Microsoft.AspNetCore.Http;

namespace SuperTickets.Admin.Http;

/// <summary>Page number (1-based) and size from the query string, validated.</summary>
public static class Paging
{
    public const int MaxPageSize = 200;

    public static (int Limit, int Offset) Read(int? page, int? pageSize, FieldErrors errors)
    {
        var p = page ?? 1;
        var size = pageSize ?? 50;
        errors.When(p is < 1 or > 1_000_000, "page", "must be between 1 and 1000000.");
        errors.When(size is < 1 or > MaxPageSize, "pageSize", $"must be between 1 and {MaxPageSize}.");
        return (Math.Clamp(size, 1, MaxPageSize), (Math.Clamp(p, 1, 1_000_000) - 1) * Math.Clamp(size, 1, MaxPageSize));
    }

    public static PagedResponse<T> Response<T>(IReadOnlyList<T> items, long total, int limit, int offset) =>
        new(items, offset / limit + 1, limit, total);
}
