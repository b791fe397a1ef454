using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperTickets.Data;
using SuperTickets.Mail;
using SuperTickets.Pipeline.Ingest.Gmail;

namespace SuperTickets.Pipeline.Respond.Gmail;

/// <summary>
/// Sends outgoing mail with the Gmail API (<c>users.messages.send</c>), content exactly as composed. A reply is
/// filed into the Gmail thread of the message it answers: the thread is looked up by the In-Reply-To Message-ID
/// (<c>rfc822msgid:</c> search); Gmail itself also requires the subjects to match.
/// </summary>
/// <remarks>
/// Idempotency: the Gmail API has no idempotency key. Before sending, the mailbox (trash and spam included) is
/// searched for a message with this email's Message-ID; when one is there the email was already sent and the call
/// returns false. Gmail indexes a sent message within moments, so a retry after a crash between Gmail's answer and
/// the respond handler's commit finds it; two sends racing within that indexing delay could still both go out.
/// Errors surface as <see cref="GmailApiException"/> (<see cref="GmailApiException.IsTransient"/> for 429 and 5xx).
/// </remarks>
public sealed partial class GmailMailSender(IOptions<GmailSendOptions> options, ILogger<GmailMailSender> logger) : IMailSender, IDisposable
{
    private static readonly string[] DefaultScopes = [GmailCredentials.SendScope, GmailCredentials.ReadonlyScope];
    private readonly Lazy<GmailClient> _client = new(() => new GmailClient(options.Value, DefaultScopes));

    public string Name => "gmail";

    public async Task<bool> SendAsync(OutboundEmailRecord email, CancellationToken ct)
    {
        var client = _client.Value;
        var messageId = Bare(email.MessageId);
        if (messageId.Length > 0 && await FindAsync(client, messageId, ct) is not null)
        {
            LogAlreadySent(logger, email.Id);
            return false;
        }

        var inReplyTo = Bare(MimeParser.Parse(email.Content).InReplyTo);
        var threadId = inReplyTo.Length > 0 ? (await FindAsync(client, inReplyTo, ct))?.ThreadId : null;
        var sent = await client.SendAsync(email.Content, string.IsNullOrEmpty(threadId) ? null : threadId, ct);
        LogSent(logger, email.Id, sent.Id, threadId is not null);
        return true;
    }

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }

    private static async Task<GmailMessageRef?> FindAsync(GmailClient client, string messageId, CancellationToken ct)
    {
        var page = await client.ListMessagesAsync($"rfc822msgid:{messageId}", null, null, 1, includeSpamTrash: true, ct);
        return page.Messages.Count > 0 ? page.Messages[0] : null;
    }

    private static string Bare(string? messageId) => (messageId ?? "").Trim().TrimStart('<').TrimEnd('>');

    [LoggerMessage(Level = LogLevel.Debug, Message = "Gmail accepted outbound email {OutboundEmailId} as message {GmailMessageId} (threaded: {Threaded})")]
    private static partial void LogSent(ILogger logger, long outboundEmailId, string gmailMessageId, bool threaded);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbound email {OutboundEmailId} is already in the Gmail mailbox; not sending it again")]
    private static partial void LogAlreadySent(ILogger logger, long outboundEmailId);
}
