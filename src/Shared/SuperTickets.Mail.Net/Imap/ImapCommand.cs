using System.Text;

namespace SuperTickets.Mail.Net.Imap;

/// <summary>A command being built: text with literals in between, so arguments with any octets travel safely.</summary>
internal sealed class ImapCommand
{
    private readonly List<ReadOnlyMemory<byte>> _literals = [];
    private readonly List<string> _texts = [];
    private readonly StringBuilder _current = new();

    public ImapCommand(string name, bool isAuthentication = false)
    {
        Name = name;
        IsAuthentication = isAuthentication;
        _current.Append(name);
    }

    /// <summary>The command's name, used in error messages instead of its arguments.</summary>
    public string Name { get; }

    public bool IsAuthentication { get; }

    /// <summary>Text chunks; a literal follows every chunk but the last.</summary>
    public IReadOnlyList<string> Texts => [.. _texts, _current.ToString()];

    public IReadOnlyList<ReadOnlyMemory<byte>> Literals => _literals;

    /// <summary>Appends raw protocol text (atoms, sequence sets, parenthesized item lists) after a space.</summary>
    public ImapCommand Raw(string text)
    {
        _current.Append(' ').Append(text);
        return this;
    }

    /// <summary>Appends a string argument, quoted when that is safe and as a literal otherwise.</summary>
    public ImapCommand String(string value)
    {
        if (value.Length < 1024 && value.All(c => c is >= ' ' and <= '~'))
        {
            _current.Append(" \"").Append(value.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
            return this;
        }

        return Literal(Encoding.UTF8.GetBytes(value));
    }

    public ImapCommand Mailbox(string name) => String(ImapMailboxName.Encode(name));

    public ImapCommand Literal(ReadOnlyMemory<byte> octets)
    {
        _current.Append(' ');
        _texts.Add(_current.ToString());
        _current.Clear();
        _literals.Add(octets);
        return this;
    }
}
