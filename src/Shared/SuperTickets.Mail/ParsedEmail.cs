using SuperTickets.Mail.Parsing;

namespace SuperTickets.Mail;

/// <summary>
/// A parsed message. Header-derived values are ready after parsing; bodies are decoded on first access.
/// Text bodies use "\n" line endings.
/// </summary>
public sealed class ParsedEmail
{
    private readonly ReadOnlyMemory<byte> _raw;
    private readonly HeaderSet _headers;
    private readonly MimeNode? _textNode;
    private readonly MimeNode? _htmlNode;
    private string? _textBody;
    private string? _htmlBody;
    private string? _bestTextBody;

    internal ParsedEmail(ReadOnlyMemory<byte> raw, MimeNode root, bool isOversize, List<string> defects)
    {
        _raw = raw;
        _headers = root.Headers;
        SizeBytes = raw.Length;
        IsOversize = isOversize;
        MessageId = MessageIds.First(_headers.Raw("Message-ID"));
        InReplyTo = MessageIds.First(_headers.Raw("In-Reply-To"));
        References = MessageIds.All(string.Join(' ', _headers.All("References")));
        Subject = _headers.Text("Subject");
        From = AddressParser.ParseList(_headers.Raw("From")) is [var first, ..] ? first : null;
        To = Addresses("To");
        Cc = Addresses("Cc");
        ReplyTo = Addresses("Reply-To");
        Date = DateParser.Parse(_headers.Raw("Date"));

        var attachments = new List<MailAttachment>();
        if (!isOversize)
        {
            _textNode = BodySelector.Find(root, "plain");
            _htmlNode = BodySelector.Find(root, "html");
            if (_textNode is null && _htmlNode is null && BodySelector.FirstTextLeaf(root) is { } fallback)
            {
                _textNode = fallback.IsText("plain") ? fallback : null;
                _htmlNode = fallback.IsText("html") ? fallback : null;
            }

            var leaves = new List<MimeNode>();
            BodySelector.CollectAttachments(root, _textNode, _htmlNode, leaves);
            foreach (var leaf in leaves)
            {
                attachments.Add(CreateAttachment(leaf));
            }

            if (DeliveryStatusParser.FindStatusPart(root) is { } status)
            {
                DeliveryStatus = DeliveryStatusParser.Parse(TransferDecoder.Decode(Body(status), status.TransferEncoding));
            }
        }

        Attachments = attachments;
        Defects = defects;
    }

    public string? MessageId { get; }

    public string? InReplyTo { get; }

    public IReadOnlyList<string> References { get; }

    public string? Subject { get; }

    public MailAddress? From { get; }

    public IReadOnlyList<MailAddress> To { get; }

    public IReadOnlyList<MailAddress> Cc { get; }

    public IReadOnlyList<MailAddress> ReplyTo { get; }

    public DateTimeOffset? Date { get; }

    /// <summary>The text/plain body, or null when the message has none.</summary>
    public string? TextBody => _textNode is null ? null : _textBody ??= DecodeText(_textNode);

    /// <summary>The text/html body (as HTML source), or null when the message has none.</summary>
    public string? HtmlBody => _htmlNode is null ? null : _htmlBody ??= DecodeText(_htmlNode);

    /// <summary>The text body; else the HTML body converted to readable text; else an empty string.</summary>
    public string BestTextBody => _bestTextBody ??= TextBody ?? (HtmlBody is { } html ? HtmlText.ToText(html) : string.Empty);

    public IReadOnlyList<MailAttachment> Attachments { get; }

    /// <summary>Delivery status notification details when the message is a DSN, else null.</summary>
    public DeliveryStatusReport? DeliveryStatus { get; }

    /// <summary>Problems met while parsing (missing boundary, bad encoding, ...); empty for well-formed mail.</summary>
    public IReadOnlyList<string> Defects { get; }

    public long SizeBytes { get; }

    /// <summary>True when the message exceeded <see cref="MimeParserOptions.MaxMessageBytes"/>; only headers were parsed.</summary>
    public bool IsOversize { get; }

    /// <summary>True when From holds a syntactically usable address (local@domain).</summary>
    public bool HasUsableSender => From is { Address: var a } && a.IndexOf('@') is var at and > 0 && at < a.Length - 1
        && a.IndexOf('@', at + 1) < 0 && !a.AsSpan().ContainsAny(' ', '<', '>');

    /// <summary>The raw message bytes as given to the parser.</summary>
    public ReadOnlyMemory<byte> Raw => _raw;

    /// <summary>First value of a top-level header (case-insensitive name), unfolded and decoded; null when absent.</summary>
    public string? Header(string name) => _headers.Text(name);

    /// <summary>Every value of a top-level header, in message order.</summary>
    public IReadOnlyList<string> Headers(string name) => _headers.All(name);

    /// <summary>All top-level header fields as name/value pairs, in message order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> AllHeaders() => _headers.ToList();

    private List<MailAddress> Addresses(string name)
    {
        var values = _headers.CountOf(name) switch
        {
            0 => null,
            1 => _headers.Raw(name),
            _ => string.Join(", ", _headers.All(name)),
        };
        return AddressParser.ParseList(values);
    }

    private ReadOnlyMemory<byte> Body(MimeNode node) => _raw[node.BodyStart..node.BodyEnd];

    private string DecodeText(MimeNode node)
    {
        var bytes = TransferDecoder.Decode(Body(node), node.TransferEncoding);
        var text = Charsets.Decode(bytes.Span, node.Charset);
        if (text.Contains('\r'))
        {
            text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        }

        return text.Contains('\0') ? text.Replace("\0", string.Empty) : text;
    }

    private MailAttachment CreateAttachment(MimeNode node)
    {
        var fileName = node.Disposition?["filename"] ?? node.ContentType?["name"];
        if (fileName is not null)
        {
            var slash = fileName.LastIndexOfAny(['/', '\\']);
            fileName = slash >= 0 ? fileName[(slash + 1)..] : fileName;
            fileName = fileName.Trim().Length == 0 ? null : fileName.Trim();
        }

        var contentId = MessageIds.First(node.Headers.Raw("Content-ID"));
        var disposition = node.Disposition?.Value;
        var inline = disposition == "inline" || (disposition is null && contentId is not null);
        return new MailAttachment(fileName, node.MimeType, contentId, inline, Body(node), node.TransferEncoding);
    }
}
