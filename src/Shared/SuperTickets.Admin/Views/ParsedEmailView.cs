using System.Text.Json;
using SuperTickets.Admin.Http;
using SuperTickets.Data;

namespace SuperTickets.Admin.Views;

/// <summary>The parsed view of a stored email, with its list fields as JSON arrays.</summary>
public sealed record ParsedEmailView(
    string? MessageId,
    string? InReplyTo,
    JsonElement? References,
    string Subject,
    string? FromName,
    string FromAddress,
    JsonElement? To,
    JsonElement? Cc,
    DateTimeOffset? SentAt,
    string TextBody,
    string NewText,
    string? HtmlBody,
    JsonElement? Attachments,
    JsonElement? Defects,
    string? NoiseKind,
    string? NoiseReason,
    string ConversationKey)
{
    public static ParsedEmailView From(ParsedEmailRecord p) => new(
        p.MessageId, p.InReplyTo, JsonText.Parse(p.ReferencesJson), p.Subject, p.FromName, p.FromAddress, JsonText.Parse(p.ToJson),
        JsonText.Parse(p.CcJson), p.SentAt, p.TextBody, p.NewText, p.HtmlBody, JsonText.Parse(p.AttachmentsJson), JsonText.Parse(p.DefectsJson),
        p.NoiseKind, p.NoiseReason, p.ConversationKey);
}
