namespace SuperTickets.Mail.Net.Smtp;

/// <summary>A recipient refused at RCPT TO, with the server's reply code and text.</summary>
public sealed record SmtpRejectedRecipient(string Address, int Code, string Text);
