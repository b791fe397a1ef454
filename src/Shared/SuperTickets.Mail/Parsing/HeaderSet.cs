using System.Text;

namespace SuperTickets.Mail.Parsing;

/// <summary>The header fields of one entity, located in the message buffer and decoded on demand.</summary>
internal sealed class HeaderSet(ReadOnlyMemory<byte> source, List<RawHeader> fields)
{
    public static readonly HeaderSet Empty = new(ReadOnlyMemory<byte>.Empty, []);

    public string? CharsetHint { get; set; }

    public int Count => fields.Count;

    public bool Contains(string name) => IndexOf(name, 0) >= 0;

    /// <summary>First value of the field, unfolded, with raw 8-bit text decoded, RFC 2047 words left as they are.</summary>
    public string? Raw(string name)
    {
        var i = IndexOf(name, 0);
        return i < 0 ? null : RawAt(i);
    }

    /// <summary>First value, RFC 2047 decoded.</summary>
    public string? Text(string name)
    {
        var raw = Raw(name);
        return raw is null ? null : EncodedWords.Decode(raw);
    }

    /// <summary>Every value of the field, RFC 2047 decoded, in message order.</summary>
    public IReadOnlyList<string> All(string name)
    {
        List<string>? values = null;
        for (var i = IndexOf(name, 0); i >= 0; i = IndexOf(name, i + 1))
        {
            (values ??= []).Add(EncodedWords.Decode(RawAt(i)));
        }

        return values ?? (IReadOnlyList<string>)[];
    }

    public int CountOf(string name)
    {
        var count = 0;
        for (var i = IndexOf(name, 0); i >= 0; i = IndexOf(name, i + 1))
        {
            count++;
        }

        return count;
    }

    /// <summary>All fields as name/decoded value pairs, in message order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToList()
    {
        var list = new List<KeyValuePair<string, string>>(fields.Count);
        for (var i = 0; i < fields.Count; i++)
        {
            list.Add(new(HeaderBlock.Name(source.Span, fields[i]), EncodedWords.Decode(RawAt(i))));
        }

        return list;
    }

    private string RawAt(int index)
    {
        var f = fields[index];
        return HeaderText.Unfold(source.Span[f.ValueStart..f.ValueEnd], CharsetHint);
    }

    private int IndexOf(string name, int from)
    {
        var span = source.Span;
        for (var i = from; i < fields.Count; i++)
        {
            var f = fields[i];
            if (f.NameLength == name.Length && Ascii.EqualsIgnoreCase(span.Slice(f.NameStart, f.NameLength), name))
            {
                return i;
            }
        }

        return -1;
    }
}
