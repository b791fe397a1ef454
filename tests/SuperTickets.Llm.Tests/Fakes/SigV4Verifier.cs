using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SuperTickets.Llm.Tests.Fakes;

/// <summary>
/// Recomputes a SigV4 signature from a request exactly as it arrived, following the published algorithm
/// (canonical request, string to sign, derived key), independently of the signing library.
/// </summary>
public static partial class SigV4Verifier
{
    public static (bool Valid, string Scope) Verify(ReceivedRequest request, string accessKey, string secretKey, string service)
    {
        var match = AuthorizationPattern().Match(request.Header("Authorization"));
        if (!match.Success) return (false, "");
        if (match.Groups["key"].Value != accessKey) return (false, "");
        var date = match.Groups["date"].Value;
        var region = match.Groups["region"].Value;
        var signedHeaders = match.Groups["headers"].Value;
        var amzDate = request.Header("x-amz-date");
        var canonical = string.Join('\n',
            request.Method,
            CanonicalUri(request.Path),
            "",
            string.Concat(signedHeaders.Split(';').Select(h => $"{h}:{request.Header(h).Trim()}\n")),
            signedHeaders,
            Hex(SHA256.HashData(Encoding.UTF8.GetBytes(request.Body))));
        var scope = $"{date}/{region}/{service}/aws4_request";
        var toSign = string.Join('\n', "AWS4-HMAC-SHA256", amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));
        var key = Encoding.UTF8.GetBytes("AWS4" + secretKey);
        foreach (var part in new[] { date, region, service, "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }
        var expected = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign)));
        return (expected == match.Groups["signature"].Value && amzDate.StartsWith(date, StringComparison.Ordinal), scope);
    }

    private static string CanonicalUri(string rawPath) =>
        string.Join('/', rawPath.Split('?')[0].Split('/').Select(Encode));

    private static string Encode(string segment)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(segment))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~') builder.Append(c);
            else builder.Append(CultureInfo.InvariantCulture, $"%{b:X2}");
        }
        return builder.ToString();
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[a-z0-9-]+)/(?<service>[a-z0-9-]+)/aws4_request, SignedHeaders=(?<headers>[a-z0-9;-]+), Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();
}
