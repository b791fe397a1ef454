using System.Security.Cryptography;
using System.Text;
using SuperTickets.Data.Admin;

namespace SuperTickets.Admin.Auth;

/// <summary>
/// API keys look like <c>stk_&lt;id&gt;_&lt;secret&gt;</c>: a public 16-hex-digit id used for lookup and a 256-bit
/// random secret of which only the SHA-256 is stored. Verification compares hashes in constant time.
/// </summary>
public static class ApiKeys
{
    private const string Prefix = "stk_";
    private const int IdHexLength = 16;
    private const int SecretHexLength = 64;

    /// <summary>A new key: the record to store and the only copy of the plain key to hand out.</summary>
    public static (ApiKeyRecord Record, string PlainKey) Create(string role, string name, DateTimeOffset now)
    {
        if (!AdminRoles.IsValid(role))
        {
            throw new ArgumentException($"Unknown role '{role}'; use one of {string.Join(", ", AdminRoles.All)}.", nameof(role));
        }
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdHexLength / 2));
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SecretHexLength / 2));
        var record = new ApiKeyRecord { Id = id, Name = name, Role = role, KeyHash = Hash(secret), CreatedAt = now };
        return (record, $"{Prefix}{id}_{secret}");
    }

    /// <summary>Splits a presented key into id and secret; false for anything not shaped like a key.</summary>
    public static bool TryParse(string? key, out string id, out string secret)
    {
        id = secret = "";
        if (key is null || key.Length != Prefix.Length + IdHexLength + 1 + SecretHexLength
            || !key.StartsWith(Prefix, StringComparison.Ordinal) || key[Prefix.Length + IdHexLength] != '_')
        {
            return false;
        }
        var idPart = key.AsSpan(Prefix.Length, IdHexLength);
        var secretPart = key.AsSpan(Prefix.Length + IdHexLength + 1);
        if (!IsLowerHex(idPart) || !IsLowerHex(secretPart))
        {
            return false;
        }
        id = idPart.ToString();
        secret = secretPart.ToString();
        return true;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(secret)));

    /// <summary>True when <paramref name="secret"/> hashes to <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool Verify(string secret, string storedHash)
    {
        var presented = Encoding.ASCII.GetBytes(Hash(secret));
        var stored = Encoding.ASCII.GetBytes(storedHash);
        return CryptographicOperations.FixedTimeEquals(presented, stored);
    }

    private static bool IsLowerHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is not (>= '0' and <= '9' or >= 'a' and <= 'f'))
            {
                return false;
            }
        }
        return true;
    }
}
