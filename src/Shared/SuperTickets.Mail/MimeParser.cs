using SuperTickets.Mail.Parsing;

namespace SuperTickets.Mail;

/// <summary>Parses raw RFC 5322 / MIME messages. Never throws; time and memory stay proportional to the input.</summary>
public static class MimeParser
{
    public static ParsedEmail Parse(ReadOnlyMemory<byte> raw, MimeParserOptions? options = null)
    {
        options ??= MimeParserOptions.Default;
        var defects = new List<string>();
        var oversize = raw.Length > options.MaxMessageBytes;
        try
        {
            if (oversize)
            {
                defects.Add("message exceeds the size limit; only headers were parsed");
                return new ParsedEmail(raw, HeadersOnly(raw, defects), true, defects);
            }

            var root = new EntityParser(raw, options, defects).ParseMessage();
            return new ParsedEmail(raw, root, false, defects);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            defects.Add("unparseable message: " + ex.GetType().Name);
            return new ParsedEmail(raw, new MimeNode { Headers = HeaderSet.Empty }, oversize, defects);
        }
    }

    private static MimeNode HeadersOnly(ReadOnlyMemory<byte> raw, List<string> defects)
    {
        var fields = new List<RawHeader>();
        var limit = (int)Math.Min(raw.Length, 1024 * 1024);
        var bodyStart = HeaderBlock.Parse(raw.Span, 0, limit, fields, defects, true);
        return new MimeNode { Headers = new HeaderSet(raw, fields), BodyStart = bodyStart, BodyEnd = bodyStart };
    }
}
