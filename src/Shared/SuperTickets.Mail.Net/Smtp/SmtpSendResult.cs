namespace SuperTickets.Mail.Net.Smtp;

/// <summary>
/// The outcome of a transaction the server accepted: recipients it took, recipients it refused (the message went
/// to the others), and its final reply, which usually names the queue id.
/// </summary>
public sealed record SmtpSendResult(IReadOnlyList<string> Accepted, IReadOnlyList<SmtpRejectedRecipient> Rejected, string Response);
