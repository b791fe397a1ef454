using System.Collections.Concurrent;
using System.Text;
using System.Text.Unicode;

namespace SuperTickets.Mail.Parsing;

/// <summary>Charset lookup and tolerant byte-to-text decoding (declared charset, else UTF-8, else windows-1252).</summary>
internal static class Charsets
{
    private static readonly ConcurrentDictionary<string, Encoding?> Cache = new(StringComparer.OrdinalIgnoreCase);

    public static Encoding Windows1252 { get; } = CreateWindows1252();

    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    /// <summary>Returns a strict (throwing) decoder for the charset name, or null when .NET does not know it.</summary>
    public static Encoding? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        return Cache.GetOrAdd(name, Resolve);
    }

    private static Encoding? Resolve(string name)
    {
        var key = name.Trim().Trim('"', '\'').ToLowerInvariant();
        var star = key.IndexOf('*');
        if (star > 0)
        {
            key = key[..star];
        }

        key = key switch
        {
            "utf8" or "utf-8" or "x-utf-8" or "unicode-1-1-utf-8" => "utf-8",
            "ascii" or "us_ascii" or "ansi_x3.4-1968" or "iso646-us" or "646" => "us-ascii",
            "latin1" or "latin-1" or "l1" => "iso-8859-1",
            "iso-8859-8-i" => "iso-8859-8",
            "x-sjis" or "shift-jis" or "sjis" or "ms_kanji" or "windows-31j" or "cp932" => "shift_jis",
            "ks_c_5601-1987" or "ks_c_5601" or "ksc5601" => "ks_c_5601-1987",
            "x-gbk" or "gbk" or "cp936" => "gbk",
            _ => key,
        };

        if (key.StartsWith("cp", StringComparison.Ordinal) && int.TryParse(key.AsSpan(2), out var cp) && cp >= 1250 && cp <= 1258)
        {
            key = "windows-" + cp;
        }

        try
        {
            return Encoding.GetEncoding(key, EncoderFallback.ReplacementFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Decodes bytes in the declared charset; falls back to UTF-8 when valid, else windows-1252. Never throws.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? charset)
    {
        if (bytes.IsEmpty)
        {
            return string.Empty;
        }

        var encoding = Find(charset);
        if (encoding is null || IsAsciiCompatible(encoding))
        {
            if (System.Text.Ascii.IsValid(bytes) && bytes.IndexOf((byte)0x1B) < 0)
            {
                return Encoding.Latin1.GetString(bytes);
            }

            if (encoding is null || encoding.CodePage == 20127)
            {
                return DecodeUnknown(bytes);
            }
        }

        if (encoding.CodePage == 65001)
        {
            return DecodeUnknown(bytes);
        }

        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return DecodeUnknown(bytes);
        }
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8, else windows-1252.</summary>
    public static string DecodeUnknown(ReadOnlySpan<byte> bytes) =>
        Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Windows1252.GetString(bytes);

    private static bool IsAsciiCompatible(Encoding encoding) => encoding.CodePage switch
    {
        65001 or 20127 or 28591 or 28592 or 28593 or 28594 or 28595 or 28596 or 28597 or 28598 or 28599
            or 28603 or 28605 or 20866 or 21866 => true,
        >= 1250 and <= 1258 => true,
        _ => false,
    };
}
