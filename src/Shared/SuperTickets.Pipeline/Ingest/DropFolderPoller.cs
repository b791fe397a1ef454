using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperTickets.Data;
using SuperTickets.Messaging;

namespace SuperTickets.Pipeline.Ingest;

/// <summary>
/// Polls each drop folder for .eml files and stores them in batches. A consuming folder moves each file to
/// <c>.processed/</c> or <c>.quarantine/</c> only after its transaction committed, so a crash re-reads it
/// (and the Message-ID de-duplication makes that harmless).
/// </summary>
public sealed partial class DropFolderPoller(
    IngestService ingest,
    MailboxStore mailboxes,
    IngestProgress progress,
    IOptions<IngestOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<DropFolderPoller> logger) : BackgroundService
{
    private readonly Dictionary<string, HashSet<string>> _seen = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await HostStart.WaitAsync(lifetime, stoppingToken))
        {
            return;
        }
        var folders = options.Value.DropFolders;
        foreach (var folder in folders)
        {
            await mailboxes.EnsureAsync(folder.Id!, "drop-folder", folder.Address, stoppingToken);
            _seen[folder.Id!] = [];
        }
        var firstPass = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var folder in folders)
            {
                try
                {
                    if (await mailboxes.IsPausedAsync(folder.Id!, stoppingToken))
                    {
                        continue;
                    }
                    await PollAsync(folder, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogPollFailed(logger, folder.Id!, ex);
                    await mailboxes.ReportHealthAsync(folder.Id!, ex.Message, CancellationToken.None);
                }
            }
            if (firstPass)
            {
                progress.MarkFirstPassDone();
                firstPass = false;
            }
            await Task.Delay(options.Value.PollInterval, stoppingToken);
        }
    }

    private async Task PollAsync(DropFolderOptions folder, CancellationToken ct)
    {
        var path = Path.GetFullPath(folder.Path!);
        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path);
            return;
        }
        var seen = _seen[folder.Id!];
        var files = Directory.EnumerateFiles(path, "*.eml", SearchOption.TopDirectoryOnly)
            .Where(f => !seen.Contains(f))
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var chunk in files.Chunk(options.Value.BatchSize))
        {
            var batch = new List<IncomingMail>(chunk.Length);
            var read = new List<string>(chunk.Length);
            foreach (var file in chunk)
            {
                try
                {
                    // A synchronous read: a mail file is a few kilobytes in the page cache, and the asynchronous
                    // path would queue a thread-pool item per file to make the same system calls.
                    batch.Add(new IncomingMail(folder.Id!, Path.GetFileName(file), File.ReadAllBytes(file)));
                    read.Add(file);
                }
                catch (IOException ex)
                {
                    LogUnreadable(logger, Path.GetFileName(file), folder.Id!, ex.Message);
                }
                catch (UnauthorizedAccessException ex)
                {
                    LogUnreadable(logger, Path.GetFileName(file), folder.Id!, ex.Message);
                }
            }
            var checkpoint = $"{Path.GetFileName(read.LastOrDefault() ?? "")}@{DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)}";
            var outcomes = await ingest.StoreAsync(batch, checkpoint, ct);
            var archives = folder.Consume ? new ArchiveFolders(path) : null;
            for (var i = 0; i < read.Count; i++)
            {
                if (archives is not null)
                {
                    archives.Move(read[i], outcomes[i] == IngestOutcome.Quarantined);
                }
                else
                {
                    seen.Add(read[i]);
                }
                progress.Record(outcomes[i]);
            }
        }
        if (files.Count > 0)
        {
            await mailboxes.ReportHealthAsync(folder.Id!, null, ct);
        }
    }

    /// <summary>Moves consumed files into <c>.processed</c> or <c>.quarantine</c>, creating each folder once per batch.</summary>
    private sealed class ArchiveFolders(string folder)
    {
        private string? _processed;
        private string? _quarantine;

        public void Move(string file, bool quarantined)
        {
            var target = quarantined
                ? _quarantine ??= Directory.CreateDirectory(Path.Combine(folder, ".quarantine")).FullName
                : _processed ??= Directory.CreateDirectory(Path.Combine(folder, ".processed")).FullName;
            File.Move(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Polling drop folder {MailboxId} failed; the mailbox is degraded and will be retried")]
    private static partial void LogPollFailed(ILogger logger, string mailboxId, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "File {File} in mailbox {MailboxId} cannot be read yet: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string file, string mailboxId, string reason);
}
