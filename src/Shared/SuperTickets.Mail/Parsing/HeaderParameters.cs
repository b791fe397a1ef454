using System.Text;

namespace SuperTickets.Mail.Parsing;

/// <summary>A media type or disposition value with its parameters (RFC 2045, RFC 2231 continuations and charsets).</summary>
internal sealed class HeaderParameters
{
    private const int MaxParameters = 64;
    private readonly List<KeyValuePair<string, string>> _values = [];

    private HeaderParameters(string value) => Value = value;

    /// <summary>The part before the first ';', lower-cased and trimmed.</summary>
    public string Value { get; }

    public string? this[string name]
    {
        get
        {
            foreach (var kv in _values)
            {
                if (string.Equals(kv.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return kv.Value;
                }
            }

            return null;
        }
    }

    public static HeaderParameters Parse(string text)
    {
        var semi = text.IndexOf(';');
        var head = (semi < 0 ? text : text[..semi]).Trim().Trim('"').ToLowerInvariant();
        var result = new HeaderParameters(head);
        if (semi < 0)
        {
            return result;
        }

        var segments = new List<(string Name, int Index, bool Extended, string Value)>();
        var pos = semi + 1;
        while (pos < text.Length && segments.Count < MaxParameters * 4)
        {
            while (pos < text.Length && (text[pos] == ';' || char.IsWhiteSpace(text[pos])))
            {
                pos++;
            }

            var nameStart = pos;
            while (pos < text.Length && text[pos] != '=' && text[pos] != ';')
            {
                pos++;
            }

            var name = text[nameStart..pos].Trim().ToLowerInvariant();
            if (pos >= text.Length || text[pos] == ';')
            {
                continue;
            }

            pos++;
            var value = ReadValue(text, ref pos);
            if (name.Length > 0)
            {
                segments.Add(Split(name, value));
            }
        }

        foreach (var group in segments.GroupBy(s => s.Name).Take(MaxParameters))
        {
            result._values.Add(new(group.Key, Assemble(group.OrderBy(s => s.Index).ToList())));
        }

        return result;
    }

    private static string ReadValue(string text, ref int pos)
    {
        while (pos < text.Length && text[pos] is ' ' or '\t')
        {
            pos++;
        }

        if (pos < text.Length && text[pos] == '"')
        {
            var sb = new StringBuilder();
            pos++;
            while (pos < text.Length && text[pos] != '"')
            {
                if (text[pos] == '\\' && pos + 1 < text.Length)
                {
                    pos++;
                }

                sb.Append(text[pos++]);
            }

            pos++;
            return sb.ToString();
        }

        var start = pos;
        while (pos < text.Length && text[pos] != ';')
        {
            pos++;
        }

        return text[start..pos].Trim();
    }

    private static (string Name, int Index, bool Extended, string Value) Split(string name, string value)
    {
        var extended = name.EndsWith('*');
        var bare = extended ? name[..^1] : name;
        var star = bare.LastIndexOf('*');
        if (star > 0 && int.TryParse(bare.AsSpan(star + 1), out var index) && index >= 0)
        {
            return (bare[..star], index, extended, value);
        }

        return (bare, 0, extended, value);
    }

    private static string Assemble(List<(string Name, int Index, bool Extended, string Value)> parts)
    {
        if (!parts.Exists(p => p.Extended))
        {
            return EncodedWords.Decode(parts.Count == 1 ? parts[0].Value : string.Concat(parts.Select(p => p.Value)));
        }

        string? charset = null;
        var sb = new StringBuilder();
        var pending = new List<byte>();
        foreach (var part in parts)
        {
            if (!part.Extended)
            {
                Flush(sb, pending, charset);
                sb.Append(part.Value);
                continue;
            }

            var value = part.Value;
            if (charset is null)
            {
                var q1 = value.IndexOf('\'');
                var q2 = q1 < 0 ? -1 : value.IndexOf('\'', q1 + 1);
                charset = q2 > q1 ? value[..q1] : string.Empty;
                value = q2 > q1 ? value[(q2 + 1)..] : value;
            }

            for (var i = 0; i < value.Length; i++)
            {
                if (value[i] == '%' && i + 2 < value.Length && HexDigits.TryPair(value[i + 1], value[i + 2], out var b))
                {
                    pending.Add(b);
                    i += 2;
                }
                else if (value[i] < 128)
                {
                    pending.Add((byte)value[i]);
                }
                else
                {
                    Flush(sb, pending, charset);
                    sb.Append(value[i]);
                }
            }
        }

        Flush(sb, pending, charset);
        return sb.ToString();
    }

    private static void Flush(StringBuilder sb, List<byte> pending, string? charset)
    {
        if (pending.Count > 0)
        {
            sb.Append(Charsets.Decode(pending.ToArray(), string.IsNullOrEmpty(charset) ? "utf-8" : charset));
            pending.Clear();
        }
    }
}
