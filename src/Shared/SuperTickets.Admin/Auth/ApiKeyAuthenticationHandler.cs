using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperTickets.Data.Admin;

namespace SuperTickets.Admin.Auth;

/// <summary>
/// Authenticates <c>X-Api-Key: &lt;key&gt;</c> or <c>Authorization: Bearer &lt;key&gt;</c> against the hashed keys in
/// the database. The principal carries the key id (name identifier), its name and every role it grants.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string KeyRoleClaim = "supertickets:key_role";

    private static readonly string UnknownKeyHash = ApiKeys.Hash("not-a-key");

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Presented();
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }
        if (!ApiKeys.TryParse(presented, out var id, out var secret))
        {
            return AuthenticateResult.Fail("The API key is malformed.");
        }
        var record = await keys.FindActiveAsync(id, Context.RequestAborted);
        var matches = ApiKeys.Verify(secret, record?.KeyHash ?? UnknownKeyHash);
        if (record is null || !matches)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, record.Id),
            new(ClaimTypes.Name, record.Name),
            new(KeyRoleClaim, record.Role),
        };
        claims.AddRange(AdminRoles.Granted(record.Role).Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"Bearer realm=\"supertickets\", ApiKey header=\"{HeaderName}\"";
        return Task.CompletedTask;
    }

    private string? Presented()
    {
        if (Request.Headers.TryGetValue(HeaderName, out var header) && header.Count > 0 && !string.IsNullOrWhiteSpace(header[0]))
        {
            return header[0]!.Trim();
        }
        var authorization = Request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }
}
