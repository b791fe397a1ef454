using SuperTickets.Mail.Parsing;

namespace SuperTickets.Mail;

/// <summary>A non-body part of a message: attachment, inline image, embedded message, report part.</summary>
public sealed class MailAttachment
{
    private readonly ReadOnlyMemory<byte> _encoded;
    private readonly string? _transferEncoding;
    private object? _decoded;

    internal MailAttachment(string? fileName, string contentType, string? contentId, bool isInline, ReadOnlyMemory<byte> encoded, string? transferEncoding)
    {
        FileName = fileName;
        ContentType = contentType;
        ContentId = contentId;
        IsInline = isInline;
        _encoded = encoded;
        _transferEncoding = transferEncoding;
    }

    /// <summary>File name from Content-Disposition or Content-Type (decoded, without directory parts), or null.</summary>
    public string? FileName { get; }

    /// <summary>Lower-case media type such as <c>image/png</c>.</summary>
    public string ContentType { get; }

    /// <summary>Content-ID without angle brackets, or null.</summary>
    public string? ContentId { get; }

    /// <summary>True when the part is meant to be shown inline (disposition inline, or referenced by Content-ID).</summary>
    public bool IsInline { get; }

    /// <summary>Decoded size in bytes.</summary>
    public int Size => Content.Length;

    /// <summary>Decoded content bytes (transfer encoding removed); decoded on first access.</summary>
    public ReadOnlyMemory<byte> Content
    {
        get
        {
            if (_transferEncoding is not ("base64" or "quoted-printable"))
            {
                return _encoded;
            }

            _decoded ??= TransferDecoder.Decode(_encoded, _transferEncoding);
            return (ReadOnlyMemory<byte>)_decoded;
        }
    }

    public override string ToString() => $"{FileName ?? "(unnamed)"} {ContentType}";
}
