using System.ComponentModel.DataAnnotations;

namespace SuperTickets.Admin;

/// <summary>Limits of the admin API (section <c>Admin</c>).</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Largest accepted request body; larger requests get 413.</summary>
    [Range(1024, 64L * 1024 * 1024, ErrorMessage = "Admin:MaxRequestBodyBytes must be between 1 KiB and 64 MiB.")]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Requests one API key (or one anonymous client address) may make per <see cref="RateLimitWindow"/>.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Admin:RateLimitPermits must be between 1 and 1000000.")]
    public int RateLimitPermits { get; set; } = 600;

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);
}
