using System.Text;

namespace SuperTickets.Mail.Parsing;

/// <summary>Builds the MIME tree: headers of every entity, multipart boundaries, limits on depth and part count.</summary>
internal sealed class EntityParser(ReadOnlyMemory<byte> source, MimeParserOptions options, List<string> defects)
{
    private int _parts;

    public MimeNode ParseMessage() => ParseEntity(0, source.Length, 0, null, "text", "plain");

    private MimeNode ParseEntity(int start, int end, int depth, MimeNode? parent, string defaultType, string defaultSubType)
    {
        _parts++;
        var fields = new List<RawHeader>(depth == 0 ? 24 : 6);
        var bodyStart = HeaderBlock.Parse(source.Span, start, end, fields, defects, depth == 0);
        var headers = new HeaderSet(source, fields);
        var node = new MimeNode { Headers = headers, Start = start, BodyStart = bodyStart, BodyEnd = end, Parent = parent };
        ApplyContentType(node, defaultType, defaultSubType);
        headers.CharsetHint = node.Charset ?? parent?.Headers.CharsetHint;

        var disposition = headers.Raw("Content-Disposition");
        if (disposition is not null)
        {
            node.Disposition = HeaderParameters.Parse(disposition);
        }

        ApplyTransferEncoding(node);
        if (node.MediaType == "multipart")
        {
            if (depth >= options.MaxDepth || _parts >= options.MaxParts)
            {
                defects.Add(depth >= options.MaxDepth ? "multipart nesting too deep" : "too many parts");
                node.MediaType = "application";
                node.SubType = "octet-stream";
            }
            else
            {
                SplitMultipart(node, depth);
            }
        }

        return node;
    }

    private void ApplyContentType(MimeNode node, string defaultType, string defaultSubType)
    {
        node.MediaType = defaultType;
        node.SubType = defaultSubType;
        var raw = node.Headers.Raw("Content-Type");
        if (raw is null)
        {
            return;
        }

        if (node.Headers.CountOf("Content-Type") > 1)
        {
            defects.Add("multiple Content-Type headers");
        }

        var ct = HeaderParameters.Parse(raw);
        node.ContentType = ct;
        var slash = ct.Value.IndexOf('/');
        if (slash > 0 && slash < ct.Value.Length - 1)
        {
            node.MediaType = ct.Value[..slash].Trim();
            node.SubType = ct.Value[(slash + 1)..].Trim();
            return;
        }

        defects.Add("invalid Content-Type");
        if (ct.Value.TrimEnd('/') == "text" || ct.Value.Length == 0)
        {
            node.MediaType = "text";
            node.SubType = "plain";
        }
        else
        {
            node.MediaType = "application";
            node.SubType = "octet-stream";
        }
    }

    private void ApplyTransferEncoding(MimeNode node)
    {
        var raw = node.Headers.Raw("Content-Transfer-Encoding");
        if (raw is null)
        {
            return;
        }

        if (node.Headers.CountOf("Content-Transfer-Encoding") > 1)
        {
            defects.Add("multiple Content-Transfer-Encoding headers");
        }

        var paren = raw.IndexOf('(');
        var value = (paren >= 0 ? raw[..paren] : raw).Trim().Trim('"').ToLowerInvariant();
        switch (value)
        {
            case "7bit" or "8bit" or "binary" or "":
                node.TransferEncoding = value.Length == 0 ? null : value;
                break;
            case "base64" or "quoted-printable" when node.MediaType is "multipart":
                defects.Add("encoded multipart");
                break;
            case "base64" or "quoted-printable":
                node.TransferEncoding = value;
                break;
            case "x-base64" or "base-64" or "b":
                node.TransferEncoding = "base64";
                break;
            case "quotedprintable" or "x-quoted-printable" or "qp" or "q":
                node.TransferEncoding = "quoted-printable";
                break;
            default:
                defects.Add("invalid Content-Transfer-Encoding");
                break;
        }
    }

    private void SplitMultipart(MimeNode node, int depth)
    {
        var boundary = node.ContentType?["boundary"];
        var children = new List<MimeNode>();
        node.Children = children;
        if (source.Span[node.BodyStart..node.BodyEnd].Trim(" \t\r\n"u8).IsEmpty)
        {
            defects.Add("empty multipart");
            return;
        }

        if (string.IsNullOrEmpty(boundary) || !Split(node, boundary, depth, children))
        {
            defects.Add(string.IsNullOrEmpty(boundary) ? "missing multipart boundary parameter" : "multipart boundary not found");
            var guess = GuessBoundary(node);
            if (guess is null || !Split(node, guess, depth, children))
            {
                node.Children = null;
                node.MediaType = "text";
                node.SubType = "plain";
            }
        }
    }

    private bool Split(MimeNode node, string boundary, int depth, List<MimeNode> children)
    {
        var data = source.Span;
        var delimiter = Encoding.UTF8.GetBytes("--" + boundary.TrimEnd());
        var end = node.BodyEnd;
        var pos = node.BodyStart;
        var partStart = -1;
        var found = false;
        var digest = node.SubType == "digest";
        while (pos < end)
        {
            var at = FindDelimiter(data, pos, end, node.BodyStart, delimiter, out var isClose, out var next);
            if (at < 0)
            {
                break;
            }

            found = true;
            if (partStart >= 0)
            {
                AddChild(node, children, partStart, ContentEnd(data, at, partStart), depth, digest);
            }

            if (isClose)
            {
                return true;
            }

            partStart = next;
            pos = next;
        }

        if (!found)
        {
            return false;
        }

        defects.Add("missing multipart end boundary");
        if (partStart >= 0 && partStart <= end)
        {
            AddChild(node, children, partStart, end, depth, digest);
        }

        return true;
    }

    private void AddChild(MimeNode node, List<MimeNode> children, int start, int end, int depth, bool digest)
    {
        if (_parts >= options.MaxParts)
        {
            if (_parts++ == options.MaxParts)
            {
                defects.Add("too many parts");
            }

            return;
        }

        children.Add(ParseEntity(start, end, depth + 1, node, digest ? "message" : "text", digest ? "rfc822" : "plain"));
    }

    private static int FindDelimiter(ReadOnlySpan<byte> data, int pos, int end, int bodyStart, ReadOnlySpan<byte> delimiter, out bool isClose, out int next)
    {
        isClose = false;
        next = end;
        while (pos < end)
        {
            var k = data[pos..end].IndexOf(delimiter);
            if (k < 0)
            {
                return -1;
            }

            var at = pos + k;
            var after = at + delimiter.Length;
            pos = at + 1;
            if (at != bodyStart && data[at - 1] != '\n')
            {
                continue;
            }

            isClose = after + 1 < end && data[after] == '-' && data[after + 1] == '-';
            if (!isClose && after < end && data[after] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                continue;
            }

            var nl = data[after..end].IndexOf((byte)'\n');
            next = nl < 0 ? end : after + nl + 1;
            return at;
        }

        return -1;
    }

    private static int ContentEnd(ReadOnlySpan<byte> data, int delimiterAt, int partStart)
    {
        var e = delimiterAt;
        if (e > partStart && data[e - 1] == '\n')
        {
            e--;
            if (e > partStart && data[e - 1] == '\r')
            {
                e--;
            }
        }

        return Math.Max(e, partStart);
    }

    private string? GuessBoundary(MimeNode node)
    {
        var body = source.Span[node.BodyStart..node.BodyEnd];
        var limit = Math.Min(body.Length, 8192);
        var pos = 0;
        while (pos < limit)
        {
            var nl = body[pos..].IndexOf((byte)'\n');
            var line = nl < 0 ? body[pos..] : body.Slice(pos, nl);
            line = line.TrimEnd("\r \t"u8);
            if (line.Length > 2 && line.Length <= 100 && line.StartsWith("--"u8) && line.IndexOf((byte)' ') < 0)
            {
                return Encoding.Latin1.GetString(line[2..]);
            }

            if (nl < 0)
            {
                break;
            }

            pos += nl + 1;
        }

        return null;
    }
}
