using System.Security.Claims;

namespace SuperTickets.Admin.Auth;

/// <summary>Who is calling, as the audit log and the interaction log name them.</summary>
public static class PrincipalExtensions
{
    public static string? KeyId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string? KeyRole(this ClaimsPrincipal user) => user.FindFirstValue(ApiKeyAuthenticationHandler.KeyRoleClaim);

    /// <summary><c>key:&lt;id&gt; (&lt;name&gt;)</c> for an authenticated caller, <c>anonymous</c> otherwise.</summary>
    public static string Actor(this ClaimsPrincipal user) =>
        user.KeyId() is { } id ? $"key:{id} ({user.Identity?.Name})" : "anonymous";
}
