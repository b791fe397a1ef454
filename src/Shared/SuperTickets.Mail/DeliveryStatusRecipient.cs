namespace SuperTickets.Mail;

/// <summary>Per-recipient fields of a delivery status notification (RFC 3464); address types such as "rfc822;" removed.</summary>
public sealed record DeliveryStatusRecipient(
    string? FinalRecipient,
    string? OriginalRecipient,
    string? Action,
    string? Status,
    string? DiagnosticCode,
    string? RemoteMta);
