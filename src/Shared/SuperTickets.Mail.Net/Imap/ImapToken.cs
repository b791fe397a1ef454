using System.Text;

namespace SuperTickets.Mail.Net.Imap;

/// <summary>One element of an IMAP data response: atom, string (quoted or literal), NIL or parenthesized list.</summary>
internal abstract record ImapToken;

/// <summary>An atom or number; bracketed sections stay inside it (<c>BODY[HEADER.FIELDS (FROM)]</c>).</summary>
internal sealed record ImapAtom(string Value) : ImapToken
{
    public bool Is(string value) => string.Equals(Value, value, StringComparison.OrdinalIgnoreCase);

    public bool TryGetNumber(out uint number) => uint.TryParse(Value, System.Globalization.NumberStyles.None, null, out number);
}

/// <summary>A quoted string or literal, kept as raw octets.</summary>
internal sealed record ImapString(byte[] Bytes) : ImapToken
{
    public string Text => Encoding.UTF8.GetString(Bytes);
}

internal sealed record ImapNil : ImapToken
{
    public static readonly ImapNil Instance = new();
}

internal sealed record ImapList(IReadOnlyList<ImapToken> Items) : ImapToken;
