using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SuperTickets.Testing;

/// <summary>
/// The OAuth 2.0 side of a fake Google API: a token endpoint granting <c>refresh_token</c> (for the known client) and
/// <c>urn:ietf:params:oauth:grant-type:jwt-bearer</c> (an assertion signed by <see cref="ServiceAccountKey"/> for the expected
/// subject and a scope containing the expected fragment), and the bearer-token check of API requests.
/// </summary>
/// <param name="subject">The <c>sub</c> claim a service-account assertion must carry; null when it must carry none.</param>
/// <param name="scopeFragment">Text the requested scope must contain (<c>gmail</c>, <c>calendar</c>).</param>
public sealed class FakeGoogleTokens(string? subject, string scopeFragment)
{
    public const string ClientId = "client-id";
    public const string ClientSecret = "client-secret";
    public const string RefreshToken = "refresh-token";

    private readonly Lock _lock = new();
    private readonly HashSet<string> _valid = [];
    private int _issued;

    /// <summary>The service-account key whose signed assertions the token endpoint accepts.</summary>
    public RSA? ServiceAccountKey { get; set; }

    /// <summary>When set, the next API call with a valid token is refused and that token revoked.</summary>
    public bool RevokeNextToken { get; set; }

    public int TokensIssued => Volatile.Read(ref _issued);

    /// <summary>The token endpoint (map it with <c>MapPost</c>).</summary>
    public async Task<IResult> IssueAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var accepted = form["grant_type"] == "refresh_token"
            ? form["refresh_token"] == RefreshToken && form["client_id"] == ClientId && form["client_secret"] == ClientSecret
            : form["grant_type"] == "urn:ietf:params:oauth:grant-type:jwt-bearer" && ValidAssertion(form["assertion"].ToString());
        if (!accepted)
        {
            return Results.Json(new { error = "invalid_grant", error_description = "Bad Request" }, statusCode: 400);
        }

        var token = $"token-{Interlocked.Increment(ref _issued)}";
        lock (_lock)
        {
            _valid.Add(token);
        }

        return Results.Json(new { access_token = token, expires_in = 3600, token_type = "Bearer" });
    }

    /// <summary>True when the request carries a valid bearer token (and it was not the one <see cref="RevokeNextToken"/> revoked).</summary>
    public bool Authorize(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : "";
        lock (_lock)
        {
            if (!_valid.Contains(token))
            {
                return false;
            }

            if (RevokeNextToken)
            {
                RevokeNextToken = false;
                _valid.Remove(token);
                return false;
            }
        }

        return true;
    }

    /// <summary>A service-account key in the downloaded JSON form, for a freshly generated RSA key this endpoint trusts.</summary>
    public string CreateServiceAccountJson(string tokenUrl)
    {
        var key = RSA.Create(2048);
        ServiceAccountKey = key;
        return JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["type"] = "service_account",
            ["project_id"] = "supertickets-test",
            ["private_key_id"] = "key-1",
            ["private_key"] = key.ExportPkcs8PrivateKeyPem(),
            ["client_email"] = "ingest@supertickets-test.iam.gserviceaccount.com",
            ["client_id"] = "1234567890",
            ["token_uri"] = tokenUrl,
        });
    }

    private bool ValidAssertion(string assertion)
    {
        var parts = assertion.Split('.');
        if (ServiceAccountKey is null || parts.Length != 3)
        {
            return false;
        }

        var signed = ServiceAccountKey.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        var sub = claims.RootElement.TryGetProperty("sub", out var s) ? s.GetString() : null;
        return signed && sub == subject && claims.RootElement.GetProperty("scope").GetString()!.Contains(scopeFragment, StringComparison.Ordinal);
    }
}
