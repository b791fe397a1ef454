using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperTickets.Data;
using SuperTickets.Mail.Net;
using SuperTickets.Mail.Net.Imap;
using SuperTickets.Messaging;

namespace SuperTickets.Pipeline.Ingest.Imap;

/// <summary>
/// Reads each configured IMAP mailbox from its stored checkpoint (<c>uidvalidity:lastuid</c>). Every batch is
/// stored by <see cref="IngestService"/> together with the advanced checkpoint in one transaction; \Seen is set
/// only afterwards. A failing mailbox is marked degraded, retried with exponential backoff and jitter, and never
/// holds up the others. A crash at any point re-reads at most the last batch, which de-duplication absorbs.
/// </summary>
public sealed partial class ImapPoller(
    IngestService ingest,
    MailboxStore mailboxes,
    IngestProgress progress,
    IOptions<ImapIngestOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<ImapPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await HostStart.WaitAsync(lifetime, stoppingToken))
        {
            return;
        }
        var configured = options.Value.Mailboxes;
        foreach (var mailbox in configured)
        {
            await mailboxes.EnsureAsync(mailbox.Id!, "imap", mailbox.Address, stoppingToken);
        }

        await Task.WhenAll(configured.Select(m => RunMailboxAsync(m, stoppingToken)));
    }

    /// <summary>The reader options for one configured mailbox.</summary>
    public static ImapMailboxReaderOptions ReaderOptions(ImapMailboxOptions mailbox)
    {
        var endpoint = new MailEndpoint(mailbox.Host!, mailbox.Port, mailbox.Security)
        {
            Timeout = mailbox.Timeout,
            CertificateValidation = string.IsNullOrEmpty(mailbox.CertificateSha256) ? null : CertificatePin.Sha256(mailbox.CertificateSha256),
        };
        var credentials = string.IsNullOrEmpty(mailbox.AccessToken)
            ? MailCredentials.WithPassword(mailbox.Username!, mailbox.Password!)
            : MailCredentials.WithAccessToken(mailbox.Username!, mailbox.AccessToken);
        return new ImapMailboxReaderOptions(endpoint, credentials, mailbox.Folder) { BatchSize = mailbox.BatchSize };
    }

    private async Task RunMailboxAsync(ImapMailboxOptions mailbox, CancellationToken ct)
    {
        await Task.Yield();
        await using var reader = new ImapMailboxReader(ReaderOptions(mailbox));
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (await mailboxes.IsPausedAsync(mailbox.Id!, ct))
                {
                    await Task.Delay(mailbox.PollInterval, ct);
                    continue;
                }
                await DrainAsync(mailbox, reader, ct);
                if (failures > 0)
                {
                    failures = 0;
                    await mailboxes.ReportHealthAsync(mailbox.Id!, null, ct);
                    LogRecovered(logger, mailbox.Id!);
                }

                await reader.WaitForChangesAsync(mailbox.PollInterval, mailbox.UseIdle, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                var delay = MailboxFailures.Backoff(options.Value.InitialBackoff, options.Value.MaxBackoff, failures);
                LogPollFailed(logger, mailbox.Id!, failures, delay, ex);
                await MailboxFailures.ReportDegradedAsync(mailboxes, mailbox.Id!, ex, e => LogStatusFailed(logger, mailbox.Id!, e));
                try
                {
                    await Task.Delay(delay, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task DrainAsync(ImapMailboxOptions mailbox, ImapMailboxReader reader, CancellationToken ct)
    {
        var checkpoint = await mailboxes.GetCheckpointAsync(mailbox.Id!, ct);
        if (checkpoint is not null && !ImapCheckpoint.TryParse(checkpoint, out _))
        {
            LogForeignCheckpoint(logger, mailbox.Id!);
            checkpoint = null;
        }

        while (true)
        {
            var batch = await reader.FetchBatchAsync(checkpoint, ct);
            if (batch.Messages.Count == 0)
            {
                return;
            }

            if (batch.CheckpointReset)
            {
                LogUidValidityChanged(logger, mailbox.Id!, batch.Checkpoint.UidValidity);
            }

            var incoming = batch.Messages
                .Select(m => new IncomingMail(mailbox.Id!, $"imap:{batch.Checkpoint.UidValidity}:{m.Uid}", m.Content))
                .ToList();
            checkpoint = batch.Checkpoint.ToString();
            var outcomes = await ingest.StoreAsync(incoming, checkpoint, ct);
            foreach (var outcome in outcomes)
            {
                progress.Record(outcome);
            }

            LogBatchStored(logger, mailbox.Id!, incoming.Count, checkpoint);
            if (mailbox.MarkSeen)
            {
                await reader.MarkSeenAsync(batch, ct);
            }

            if (!batch.HasMore)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "IMAP mailbox {MailboxId} failed ({Failures} in a row); degraded, retrying in {Delay}")]
    private static partial void LogPollFailed(ILogger logger, string mailboxId, int failures, TimeSpan delay, Exception ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "IMAP mailbox {MailboxId} recovered")]
    private static partial void LogRecovered(ILogger logger, string mailboxId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "IMAP mailbox {MailboxId}: stored {Count} messages up to checkpoint {Checkpoint}")]
    private static partial void LogBatchStored(ILogger logger, string mailboxId, int count, string checkpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "IMAP mailbox {MailboxId}: UIDVALIDITY changed to {UidValidity}; re-reading the folder (duplicates are dropped by Message-ID)")]
    private static partial void LogUidValidityChanged(ILogger logger, string mailboxId, uint uidValidity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "IMAP mailbox {MailboxId} has a checkpoint from another kind of source; reading the folder from the start")]
    private static partial void LogForeignCheckpoint(ILogger logger, string mailboxId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the status of IMAP mailbox {MailboxId}")]
    private static partial void LogStatusFailed(ILogger logger, string mailboxId, Exception ex);
}
