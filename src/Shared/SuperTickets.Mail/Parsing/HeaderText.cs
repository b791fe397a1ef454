using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace SuperTickets.Mail.Parsing;

/// <summary>Turns a raw (possibly folded, possibly 8-bit) header value into a string.</summary>
internal static class HeaderText
{
    /// <summary>Unfolds, removes NUL bytes, trims and decodes raw bytes (ASCII, else UTF-8, else the hint charset, else windows-1252).</summary>
    public static string Unfold(ReadOnlySpan<byte> raw, string? charsetHint)
    {
        raw = Trim(raw);
        if (raw.IsEmpty)
        {
            return string.Empty;
        }

        if (raw.IndexOfAny((byte)'\r', (byte)'\n', (byte)0) < 0)
        {
            return ToText(raw, charsetHint);
        }

        byte[]? rented = null;
        var buffer = raw.Length <= 512 ? stackalloc byte[raw.Length] : (rented = ArrayPool<byte>.Shared.Rent(raw.Length));
        var n = 0;
        foreach (var b in raw)
        {
            if (b is not ((byte)'\r' or (byte)'\n' or 0))
            {
                buffer[n++] = b;
            }
        }

        var text = ToText(buffer[..n], charsetHint);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return text;
    }

    private static string ToText(ReadOnlySpan<byte> bytes, string? charsetHint)
    {
        if (Ascii.IsValid(bytes))
        {
            return Encoding.Latin1.GetString(bytes);
        }

        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        return charsetHint is null ? Charsets.Windows1252.GetString(bytes) : Charsets.Decode(bytes, charsetHint);
    }

    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s)
    {
        var start = 0;
        while (start < s.Length && IsWhite(s[start]))
        {
            start++;
        }

        var end = s.Length;
        while (end > start && IsWhite(s[end - 1]))
        {
            end--;
        }

        return s[start..end];
    }

    private static bool IsWhite(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0;
}
