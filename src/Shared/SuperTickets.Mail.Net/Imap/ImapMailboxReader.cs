namespace SuperTickets.Mail.Net.Imap;

/// <summary>
/// Reads a mailbox folder incrementally from a checkpoint, batch by batch, in UID order. It owns its connection:
/// after a network failure the call throws, and the next call connects again, so a caller that retries from its
/// last durable checkpoint loses nothing. When UIDVALIDITY changes, reading restarts at UID 1 and the batch says
/// so; downstream de-duplication (Message-ID) makes re-reading safe.
/// </summary>
public sealed class ImapMailboxReader : IAsyncDisposable
{
    private readonly ImapMailboxReaderOptions _options;
    private ImapClient? _client;

    public ImapMailboxReader(ImapMailboxReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        _options = options;
    }

    /// <summary>True while a usable, authenticated connection is held.</summary>
    public bool IsConnected => _client is { IsUsable: true };

    /// <summary>Fetches the next batch after <paramref name="checkpoint"/> (null or empty: from the start).</summary>
    public Task<ImapBatch> FetchBatchAsync(string? checkpoint, CancellationToken ct) =>
        FetchBatchAsync(string.IsNullOrEmpty(checkpoint) ? null : ImapCheckpoint.Parse(checkpoint), ct);

    public Task<ImapBatch> FetchBatchAsync(ImapCheckpoint? checkpoint, CancellationToken ct) =>
        UseClientAsync(async client =>
        {
            var state = await client.SelectAsync(_options.Folder, ct);
            var reset = checkpoint is { } previous && previous.UidValidity != state.UidValidity;
            var lastUid = checkpoint is { } known && !reset ? known.LastUid : 0;
            if (lastUid == uint.MaxValue || (state.UidNext != 0 && state.UidNext <= lastUid + 1))
            {
                return new ImapBatch([], new ImapCheckpoint(state.UidValidity, lastUid), reset, false);
            }

            var found = await client.UidSearchAsync($"UID {lastUid + 1}:*", ct);
            var newer = found.Where(uid => uid > lastUid).ToList();
            var batch = newer.Take(_options.BatchSize).ToList();
            var messages = await client.UidFetchAsync(batch, ct);
            var next = batch.Count > 0 ? batch[^1] : lastUid;
            return new ImapBatch(messages, new ImapCheckpoint(state.UidValidity, next), reset, newer.Count > batch.Count);
        }, ct);

    /// <summary>Reads batch after batch until the folder holds nothing newer.</summary>
    public async IAsyncEnumerable<ImapBatch> ReadAllAsync(string? checkpoint, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        ImapCheckpoint? current = string.IsNullOrEmpty(checkpoint) ? null : ImapCheckpoint.Parse(checkpoint);
        while (true)
        {
            var batch = await FetchBatchAsync(current, ct);
            yield return batch;
            current = batch.Checkpoint;
            if (!batch.HasMore)
            {
                yield break;
            }
        }
    }

    /// <summary>Sets \Seen on a batch's messages, unless the folder's UIDVALIDITY changed since (then the UIDs mean other messages).</summary>
    public Task<bool> MarkSeenAsync(ImapBatch batch, CancellationToken ct) =>
        UseClientAsync(async client =>
        {
            if (batch.Messages.Count == 0)
            {
                return true;
            }

            var state = client.SelectedMailbox is { } selected && selected.Name == _options.Folder
                ? selected
                : await client.SelectAsync(_options.Folder, ct);
            if (state.UidValidity != batch.Checkpoint.UidValidity)
            {
                return false;
            }

            await client.UidStoreFlagsAsync(batch.Messages.Select(m => m.Uid), [@"\Seen"], ct);
            return true;
        }, ct);

    /// <summary>Waits for new mail: IDLE when <paramref name="useIdle"/> and offered, otherwise a delay then NOOP. True when the server reported a change.</summary>
    public Task<bool> WaitForChangesAsync(TimeSpan maxWait, bool useIdle, CancellationToken ct) =>
        UseClientAsync(async client =>
        {
            if (client.SelectedMailbox?.Name != _options.Folder)
            {
                await client.SelectAsync(_options.Folder, ct);
            }

            if (useIdle)
            {
                return await client.IdleAsync(maxWait, ct);
            }

            await Task.Delay(maxWait, ct);
            return await client.NoopAsync(ct);
        }, ct);

    public async ValueTask DisposeAsync()
    {
        if (_client is { } client)
        {
            _client = null;
            try
            {
                using var timeout = new CancellationTokenSource(_options.Endpoint.Timeout);
                await client.LogoutAsync(timeout.Token);
            }
            catch (Exception e) when (e is IOException or TimeoutException or ImapException or OperationCanceledException)
            {
                // Closing anyway; a failed goodbye changes nothing.
            }

            await client.DisposeAsync();
        }
    }

    private async Task<T> UseClientAsync<T>(Func<ImapClient, Task<T>> operation, CancellationToken ct)
    {
        var client = await ConnectAsync(ct);
        try
        {
            return await operation(client);
        }
        catch when (!client.IsUsable || ct.IsCancellationRequested)
        {
            _client = null;
            await client.DisposeAsync();
            throw;
        }
    }

    private async Task<ImapClient> ConnectAsync(CancellationToken ct)
    {
        if (_client is { IsUsable: true } existing)
        {
            return existing;
        }

        if (_client is { } broken)
        {
            _client = null;
            await broken.DisposeAsync();
        }

        var client = await ImapClient.ConnectAsync(_options.Endpoint, ct);
        try
        {
            await client.AuthenticateAsync(_options.Credentials, ct);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }

        _client = client;
        return client;
    }
}
