using System.Text;

namespace SuperTickets.Knowledge.Import;

/// <summary>
/// RFC 4180 record reader: comma-separated fields, CRLF or LF record ends, fields in double quotes may hold
/// commas, line breaks and doubled quotes. Blank lines between records are skipped.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, string fileName)
{
    private int _line = 1;

    /// <summary>Reads the next record; false at end of input. <paramref name="startLine"/> is its first line.</summary>
    public bool TryRead(out List<string> fields, out int startLine)
    {
        fields = [];
        while (reader.Peek() is '\r' or '\n')
        {
            ConsumeLineBreak();
        }

        startLine = _line;
        if (reader.Peek() < 0)
        {
            return false;
        }

        var field = new StringBuilder();
        while (true)
        {
            var quoted = reader.Peek() == '"';
            if (quoted)
            {
                reader.Read();
                ReadQuoted(field, startLine);
            }

            while (reader.Peek() is >= 0 and not (',' or '\r' or '\n'))
            {
                var c = (char)reader.Read();
                if (quoted)
                {
                    throw new KbFormatException(fileName, _line, $"unexpected '{c}' after a closing quote");
                }

                field.Append(c);
            }

            fields.Add(field.ToString());
            field.Clear();
            var next = reader.Peek();
            if (next == ',')
            {
                reader.Read();
                continue;
            }

            if (next >= 0)
            {
                ConsumeLineBreak();
            }

            return true;
        }
    }

    private void ReadQuoted(StringBuilder field, int startLine)
    {
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
            {
                throw new KbFormatException(fileName, startLine, "quoted field is not closed before the end of the file");
            }

            if (c == '"')
            {
                if (reader.Peek() != '"')
                {
                    return;
                }

                reader.Read();
            }
            else if (c == '\r' && reader.Peek() == '\n')
            {
                reader.Read();
                c = '\n';
                _line++;
            }
            else if (c is '\n' or '\r')
            {
                c = '\n';
                _line++;
            }

            field.Append((char)c);
        }
    }

    private void ConsumeLineBreak()
    {
        if (reader.Read() == '\r' && reader.Peek() == '\n')
        {
            reader.Read();
        }

        _line++;
    }
}
