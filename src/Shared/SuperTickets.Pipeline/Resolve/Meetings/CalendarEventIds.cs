using System.Security.Cryptography;
using System.Text;

namespace SuperTickets.Pipeline.Resolve.Meetings;

/// <summary>
/// Event ids chosen by us, so that creating an event is idempotent: the same request always gets the same id and a
/// repeat insert is refused as a duplicate. Calendar ids allow base32hex characters (<c>a-v</c>, <c>0-9</c>), 5 to 1024 of
/// them; an id here is the base32hex SHA-256 of the installation's Message-ID domain and the idempotency key (52 characters).
/// </summary>
public static class CalendarEventIds
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuv";

    public static string FromKey(string domain, string idempotencyKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(domain + "\n" + idempotencyKey));
        var text = new StringBuilder((hash.Length * 8 / 5) + 1);
        int buffer = 0, bits = 0;
        foreach (var b in hash)
        {
            buffer = ((buffer << 8) | b) & 0xFFFF;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                text.Append(Alphabet[(buffer >> bits) & 31]);
            }
        }

        if (bits > 0)
        {
            text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return text.ToString();
    }

    /// <summary>True when <paramref name="id"/> is an event id the Calendar API accepts from a client.</summary>
    public static bool IsValid(string id) => id.Length is >= 5 and <= 1024 && id.All(c => c is >= 'a' and <= 'v' or >= '0' and <= '9');
}
