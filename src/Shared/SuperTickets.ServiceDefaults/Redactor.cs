using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SuperTickets.ServiceDefaults;

/// <summary>Turns personal data into a stable, non-reversible token for logs (unless debugging says otherwise).</summary>
public sealed class Redactor(IOptions<PrivacyOptions> options)
{
    public string Address(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return "<none>";
        }
        if (options.Value.LogPersonalData)
        {
            return address;
        }
        var at = address.LastIndexOf('@');
        var domain = at >= 0 ? address[(at + 1)..] : "";
        return $"addr#{Hash(address.ToLowerInvariant())}@{domain}";
    }

    public string Text(string? text) =>
        options.Value.LogPersonalData ? text ?? "" : $"text#{Hash(text ?? "")}({text?.Length ?? 0} chars)";

    private static string Hash(string value)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), hash);
        return Convert.ToHexStringLower(hash[..4]);
    }
}
