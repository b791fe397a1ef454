using System.Text;

namespace SuperTickets.Mail.Net.Imap;

/// <summary>Turns the data part of a response (lines joined by literals) into tokens.</summary>
internal sealed class ImapTokenizer
{
    private readonly IReadOnlyList<ImapSegment> _segments;
    private int _segment;
    private int _position;

    public ImapTokenizer(IReadOnlyList<ImapSegment> segments, int position)
    {
        _segments = segments;
        _position = position;
    }

    private byte[] Line => _segments[_segment].Line;

    public IReadOnlyList<ImapToken> ReadAll()
    {
        var tokens = ReadSequence(nested: false);
        if (_segment != _segments.Count - 1 || _position < Line.Length)
        {
            throw Malformed("unexpected ')'");
        }

        return tokens;
    }

    private List<ImapToken> ReadSequence(bool nested)
    {
        var tokens = new List<ImapToken>();
        while (true)
        {
            SkipSpaces();
            if (_position >= Line.Length)
            {
                if (nested)
                {
                    throw Malformed("unterminated list");
                }

                return tokens;
            }

            var current = Line[_position];
            switch (current)
            {
                case (byte)')':
                    if (!nested)
                    {
                        return tokens;
                    }

                    _position++;
                    return tokens;
                case (byte)'(':
                    _position++;
                    tokens.Add(new ImapList(ReadSequence(nested: true)));
                    break;
                case (byte)'"':
                    tokens.Add(ReadQuoted());
                    break;
                case (byte)'{':
                    tokens.Add(ReadLiteral());
                    break;
                default:
                    tokens.Add(ReadAtom());
                    break;
            }
        }
    }

    private void SkipSpaces()
    {
        while (_position < Line.Length && Line[_position] == (byte)' ')
        {
            _position++;
        }
    }

    private ImapToken ReadQuoted()
    {
        var bytes = new List<byte>();
        _position++;
        while (_position < Line.Length)
        {
            var b = Line[_position++];
            if (b == (byte)'"')
            {
                return new ImapString([.. bytes]);
            }

            if (b == (byte)'\\' && _position < Line.Length)
            {
                b = Line[_position++];
            }

            bytes.Add(b);
        }

        throw Malformed("unterminated quoted string");
    }

    private ImapToken ReadLiteral()
    {
        var close = Array.IndexOf(Line, (byte)'}', _position);
        var literal = _segments[_segment].Literal;
        if (close != Line.Length - 1 || literal is null)
        {
            throw Malformed("literal marker not at the end of a line");
        }

        _segment++;
        _position = 0;
        return new ImapString(literal);
    }

    private ImapToken ReadAtom()
    {
        var start = _position;
        var depth = 0;
        while (_position < Line.Length)
        {
            var b = Line[_position];
            if (b == (byte)'[')
            {
                depth++;
            }
            else if (b == (byte)']' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0 && (b == (byte)' ' || b == (byte)'(' || b == (byte)')'))
            {
                break;
            }

            _position++;
        }

        var value = Encoding.UTF8.GetString(Line, start, _position - start);
        return value.Equals("NIL", StringComparison.OrdinalIgnoreCase) ? ImapNil.Instance : new ImapAtom(value);
    }

    private ImapException Malformed(string problem) =>
        new($"Malformed response from the server ({problem}): '{Encoding.UTF8.GetString(_segments[0].Line.AsSpan(0, Math.Min(_segments[0].Line.Length, 120)))}'.");
}
