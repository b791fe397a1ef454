using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperTickets.Data;
using SuperTickets.Mail.Net;
using SuperTickets.Mail.Net.Smtp;

namespace SuperTickets.Pipeline.Respond.Smtp;

/// <summary>
/// Hands outgoing mail to an SMTP submission server: envelope sender <c>Mail:SupportAddress</c>, recipient
/// <see cref="OutboundEmailRecord.ToAddress"/>, content exactly as composed. One session is kept and reused
/// (checked with RSET before each message, reopened when it went stale); sends are serialized over it.
/// </summary>
/// <remarks>
/// Idempotency: SMTP has no idempotency key, so this sender cannot tell that a message was already accepted.
/// The respond handler marks the row sent in the same transaction right after this call returns. If the process
/// dies after the server's final 250 and before that commit, the message is redelivered and sent once more.
/// The window is one round trip plus one commit; closing it would need a record of accepted keys written outside
/// the handler's transaction. The resent copy carries the same Message-ID, which lets many receiving systems
/// show it once. Permanent refusals (5xx) and transient ones (4xx) surface as <see cref="SmtpException"/>.
/// </remarks>
public sealed partial class SmtpMailSender(
    IOptions<SmtpOptions> smtpOptions,
    IOptions<MailOptions> mailOptions,
    ILogger<SmtpMailSender> logger) : IMailSender, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SmtpSender? _session;

    public string Name => "smtp";

    public async Task<bool> SendAsync(OutboundEmailRecord email, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var session = await SessionAsync(ct);
            try
            {
                var result = await session.SendAsync(mailOptions.Value.SupportAddress!, [email.ToAddress], email.Content, ct);
                LogAccepted(logger, email.Id, result.Response);
                return true;
            }
            catch
            {
                await CloseAsync();
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_session is { } session)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await session.QuitAsync(timeout.Token);
                }
                catch (Exception e) when (e is IOException or TimeoutException or SmtpException or OperationCanceledException)
                {
                    LogQuitFailed(logger, e.Message);
                }
            }

            await CloseAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SmtpSender> SessionAsync(CancellationToken ct)
    {
        if (_session is { } existing)
        {
            try
            {
                await existing.ResetAsync(ct);
                return existing;
            }
            catch (Exception e) when (e is IOException or TimeoutException or SmtpException)
            {
                LogStaleSession(logger, e.Message);
                await CloseAsync();
            }
        }

        var options = smtpOptions.Value;
        var endpoint = new MailEndpoint(options.Host!, options.Port, options.Security)
        {
            Timeout = options.Timeout,
            CertificateValidation = string.IsNullOrEmpty(options.CertificateSha256) ? null : CertificatePin.Sha256(options.CertificateSha256),
        };
        var session = await SmtpSender.ConnectAsync(endpoint, ct, options.ClientName ?? mailOptions.Value.MessageIdDomain);
        try
        {
            if (!string.IsNullOrEmpty(options.Username))
            {
                await session.AuthenticateAsync(string.IsNullOrEmpty(options.AccessToken)
                    ? MailCredentials.WithPassword(options.Username, options.Password ?? string.Empty)
                    : MailCredentials.WithAccessToken(options.Username, options.AccessToken), ct);
            }
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }

        _session = session;
        return session;
    }

    private async Task CloseAsync()
    {
        if (_session is { } session)
        {
            _session = null;
            await session.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "SMTP server accepted outbound email {OutboundEmailId}: {Response}")]
    private static partial void LogAccepted(ILogger logger, long outboundEmailId, string response);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SMTP session went stale ({Reason}); reconnecting")]
    private static partial void LogStaleSession(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SMTP QUIT failed: {Reason}")]
    private static partial void LogQuitFailed(ILogger logger, string reason);
}
