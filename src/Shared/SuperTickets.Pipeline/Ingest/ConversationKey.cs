using System.Security.Cryptography;
using System.Text;

namespace SuperTickets.Pipeline.Ingest;

/// <summary>
/// The partition key of a conversation: the thread's root Message-ID (first of References, else In-Reply-To,
/// else the message's own id), so every message of one thread is processed in order.
/// </summary>
public static class ConversationKey
{
    public static string For(string? messageId, string? inReplyTo, IReadOnlyList<string> references, string contentSha256)
    {
        var root = references.Count > 0 ? references[0] : inReplyTo ?? messageId;
        return string.IsNullOrWhiteSpace(root) ? "sha256:" + contentSha256 : Normalize(root).ToLowerInvariant();
    }

    /// <summary>A Message-ID without angle brackets or surrounding space; its case is kept (it is significant).</summary>
    public static string Normalize(string messageId) => messageId.Trim().Trim('<', '>').Trim();

    public static string Sha256(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static string Hash(string text) => Sha256(Encoding.UTF8.GetBytes(text));
}
