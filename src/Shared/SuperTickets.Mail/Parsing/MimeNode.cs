namespace SuperTickets.Mail.Parsing;

/// <summary>One entity of the MIME tree, located by offsets in the message buffer.</summary>
internal sealed class MimeNode
{
    public required HeaderSet Headers { get; init; }

    /// <summary>Offset of the entity's first header line.</summary>
    public int Start { get; init; }

    public int BodyStart { get; init; }

    public int BodyEnd { get; init; }

    public string MediaType { get; set; } = "text";

    public string SubType { get; set; } = "plain";

    public HeaderParameters? ContentType { get; set; }

    public HeaderParameters? Disposition { get; set; }

    /// <summary>Lower-cased transfer encoding: 7bit, 8bit, binary, base64 or quoted-printable.</summary>
    public string? TransferEncoding { get; set; }

    public List<MimeNode>? Children { get; set; }

    public MimeNode? Parent { get; init; }

    public bool IsMultipart => Children is not null;

    public bool IsText(string subType) => MediaType == "text" && SubType == subType;

    public bool IsAttachmentDisposition => Disposition?.Value == "attachment";

    public string MimeType => MediaType + "/" + SubType;

    public string? Charset => ContentType?["charset"];
}
