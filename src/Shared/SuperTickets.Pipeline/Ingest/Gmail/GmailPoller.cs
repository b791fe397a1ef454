using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperTickets.Data;
using SuperTickets.Messaging;

namespace SuperTickets.Pipeline.Ingest.Gmail;

/// <summary>
/// Reads each configured Gmail mailbox through the Gmail API. The checkpoint is the history id read up to
/// (<see cref="GmailCheckpoint"/>). Without one, or when Gmail no longer keeps history that old (404), the mailbox is
/// resynced in full: the profile's history id is taken first, then every listed message is fetched, so mail arriving
/// meanwhile is caught by the next incremental pass. Otherwise <c>history.list</c> names the added messages.
/// Messages are fetched raw and stored in batches; the last batch of a pass commits the new checkpoint with it, so a
/// crash re-reads at most one pass, which Message-ID de-duplication absorbs. A failing mailbox is marked degraded,
/// retried with exponential backoff and jitter, and never holds up the others; a paused mailbox is left alone.
/// </summary>
public sealed partial class GmailPoller(
    IngestService ingest,
    MailboxStore mailboxes,
    DbConnectionFactory database,
    IngestProgress progress,
    IOptions<GmailIngestOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<GmailPoller> logger) : BackgroundService
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
            await mailboxes.EnsureAsync(mailbox.Id!, "gmail", mailbox.Address ?? mailbox.User!, stoppingToken);
        }

        await Task.WhenAll(configured.Select(m => RunMailboxAsync(m, stoppingToken)));
    }

    private async Task RunMailboxAsync(GmailMailboxOptions mailbox, CancellationToken ct)
    {
        await Task.Yield();
        GmailClient? client = null;
        var failures = 0;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    if (!await mailboxes.IsPausedAsync(mailbox.Id!, ct))
                    {
                        client ??= new GmailClient(mailbox, [GmailCredentials.ReadonlyScope]);
                        await PassAsync(mailbox, client, ct);
                        if (failures > 0)
                        {
                            failures = 0;
                            await mailboxes.ReportHealthAsync(mailbox.Id!, null, ct);
                            LogRecovered(logger, mailbox.Id!);
                        }
                    }

                    await Task.Delay(mailbox.PollInterval, ct);
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
        finally
        {
            client?.Dispose();
        }
    }

    private async Task PassAsync(GmailMailboxOptions mailbox, GmailClient client, CancellationToken ct)
    {
        var stored = await mailboxes.GetCheckpointAsync(mailbox.Id!, ct);
        if (!GmailCheckpoint.TryParse(stored, out var historyId))
        {
            if (stored is not null)
            {
                LogForeignCheckpoint(logger, mailbox.Id!);
            }

            await FullSyncAsync(mailbox, client, stored, ct);
            return;
        }

        var added = new List<string>();
        var latest = historyId;
        string? pageToken = null;
        try
        {
            do
            {
                var page = await client.ListHistoryAsync(historyId, NullIfEmpty(mailbox.LabelId), pageToken, ct);
                added.AddRange(page.AddedMessageIds);
                latest = page.HistoryId;
                pageToken = page.NextPageToken;
            }
            while (pageToken is not null);
        }
        catch (GmailApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            LogHistoryExpired(logger, mailbox.Id!, historyId);
            await FullSyncAsync(mailbox, client, stored, ct);
            return;
        }

        await StoreAsync(mailbox, client, added.Distinct(StringComparer.Ordinal).ToList(), stored, GmailCheckpoint.Format(latest), ct);
    }

    private async Task FullSyncAsync(GmailMailboxOptions mailbox, GmailClient client, string? stored, CancellationToken ct)
    {
        var historyId = await client.GetHistoryIdAsync(ct);
        var listed = new List<GmailMessageRef>();
        string? pageToken = null;
        do
        {
            var page = await client.ListMessagesAsync(NullIfEmpty(mailbox.ResyncQuery), NullIfEmpty(mailbox.LabelId), pageToken, 500, includeSpamTrash: false, ct);
            listed.AddRange(page.Messages);
            pageToken = page.NextPageToken;
        }
        while (pageToken is not null);

        LogFullSync(logger, mailbox.Id!, listed.Count, historyId);
        listed.Reverse();
        await StoreAsync(mailbox, client, listed.Select(m => m.Id).Distinct(StringComparer.Ordinal).ToList(), stored, GmailCheckpoint.Format(historyId), ct);
    }

    private async Task StoreAsync(GmailMailboxOptions mailbox, GmailClient client, IReadOnlyList<string> ids, string? stored, string checkpoint, CancellationToken ct)
    {
        var committed = false;
        var chunks = ids.Chunk(mailbox.BatchSize).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            var last = i == chunks.Count - 1;
            var chunk = chunks[i];
            var fetched = new GmailRawMessage?[chunk.Length];
            var fetch = new ParallelOptions { MaxDegreeOfParallelism = mailbox.FetchConcurrency, CancellationToken = ct };
            await Parallel.ForEachAsync(Enumerable.Range(0, fetched.Length), fetch, async (n, token) =>
                fetched[n] = await client.GetRawMessageAsync(chunk[n], token));
            var incoming = new List<IncomingMail>(fetched.Length);
            for (var n = 0; n < fetched.Length; n++)
            {
                if (fetched[n] is { } message)
                {
                    incoming.Add(new IncomingMail(mailbox.Id!, $"gmail:{message.Id}", message.Content));
                }
                else
                {
                    LogMessageGone(logger, mailbox.Id!, chunk[n]);
                }
            }

            if (incoming.Count == 0)
            {
                continue;
            }

            foreach (var outcome in await ingest.StoreAsync(incoming, last ? checkpoint : null, ct))
            {
                progress.Record(outcome);
            }

            committed = last;
            LogBatchStored(logger, mailbox.Id!, incoming.Count);
        }

        if (!committed && checkpoint != stored)
        {
            await using var session = new DbSession(database);
            await session.BeginAsync(ct);
            await mailboxes.SetCheckpointAsync(session, mailbox.Id!, checkpoint, ct);
            await session.CommitAsync(ct);
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    [LoggerMessage(Level = LogLevel.Error, Message = "Gmail mailbox {MailboxId} failed ({Failures} in a row); degraded, retrying in {Delay}")]
    private static partial void LogPollFailed(ILogger logger, string mailboxId, int failures, TimeSpan delay, Exception ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gmail mailbox {MailboxId} recovered")]
    private static partial void LogRecovered(ILogger logger, string mailboxId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gmail mailbox {MailboxId}: full resync of {Count} messages at history {HistoryId}")]
    private static partial void LogFullSync(ILogger logger, string mailboxId, int count, string historyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gmail mailbox {MailboxId}: history {HistoryId} has expired; resyncing in full (duplicates are dropped by Message-ID)")]
    private static partial void LogHistoryExpired(ILogger logger, string mailboxId, string historyId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Gmail mailbox {MailboxId}: stored {Count} messages")]
    private static partial void LogBatchStored(ILogger logger, string mailboxId, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Gmail mailbox {MailboxId}: message {GmailMessageId} was deleted before it could be fetched")]
    private static partial void LogMessageGone(ILogger logger, string mailboxId, string gmailMessageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gmail mailbox {MailboxId} has a checkpoint from another kind of source; resyncing in full")]
    private static partial void LogForeignCheckpoint(ILogger logger, string mailboxId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the status of Gmail mailbox {MailboxId}")]
    private static partial void LogStatusFailed(ILogger logger, string mailboxId, Exception ex);
}
