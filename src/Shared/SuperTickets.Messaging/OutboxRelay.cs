using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SuperTickets.Messaging;

/// <summary>
/// Hands committed outbox rows to the transport at once, deletes them when the transport made them durable,
/// and sweeps rows left behind by a crash or a failed send.
/// </summary>
public sealed partial class OutboxRelay(
    IMessageTransport transport,
    IServiceScopeFactory scopes,
    IOptions<MessagingOptions> options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<long, byte> _inFlight = new();
    private readonly ConcurrentQueue<long> _durable = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly MessagingOptions _options = options.Value;

    /// <summary>Envelopes handed to the transport and not yet durable there.</summary>
    public int InFlight => _inFlight.Count;

    public void Dispatch(IReadOnlyList<MessageEnvelope> committed)
    {
        foreach (var envelope in committed)
        {
            if (envelope.OutboxId is { } id && !_inFlight.TryAdd(id, 0))
            {
                continue;
            }
            transport.Send(envelope, OnDurable);
        }
    }

    /// <summary>True when nothing waits in the outbox, in flight, or for deletion.</summary>
    public async Task<bool> IsIdleAsync(CancellationToken ct)
    {
        if (!_inFlight.IsEmpty || !_durable.IsEmpty)
        {
            return false;
        }
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IOutboxStore>().CountAsync(ct) == 0;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextSweep = DateTimeOffset.MinValue;
        var minAge = _options.ReclaimFreshRowsOnStart ? TimeSpan.Zero : _options.RelayLease;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _signal.WaitAsync(_options.RelayFlushInterval, stoppingToken);
                await FlushDurableAsync(stoppingToken);
                if (DateTimeOffset.UtcNow >= nextSweep)
                {
                    await SweepAsync(minAge, stoppingToken);
                    minAge = _options.RelayLease;
                    nextSweep = DateTimeOffset.UtcNow + _options.RelaySweepInterval;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogRelayFailed(logger, ex);
                await Task.Delay(_options.RelayFlushInterval, CancellationToken.None);
            }
        }
        await FlushDurableAsync(CancellationToken.None);
    }

    private void OnDurable(MessageEnvelope envelope)
    {
        if (envelope.OutboxId is { } id)
        {
            _durable.Enqueue(id);
            if (_durable.Count >= _options.RelayDeleteBatch)
            {
                _signal.Release();
            }
        }
    }

    private async Task FlushDurableAsync(CancellationToken ct)
    {
        while (!_durable.IsEmpty)
        {
            var ids = new List<long>(_options.RelayDeleteBatch);
            while (ids.Count < _options.RelayDeleteBatch && _durable.TryDequeue(out var id))
            {
                ids.Add(id);
            }
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IOutboxStore>().DeleteAsync(ids, ct);
            foreach (var id in ids)
            {
                _inFlight.TryRemove(id, out _);
            }
        }
    }

    private async Task SweepAsync(TimeSpan minAge, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IOutboxStore>();
        var claimed = await store.ClaimPendingAsync(_options.RelaySweepBatch, minAge, _options.RelayLease, ct);
        var resent = claimed.Where(e => e.OutboxId is { } id && !_inFlight.ContainsKey(id)).ToList();
        if (resent.Count > 0)
        {
            LogResending(logger, resent.Count);
            Dispatch(resent);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox relay pass failed; retrying")]
    private static partial void LogRelayFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "Relaying {Count} outbox messages left from an earlier run or a failed send")]
    private static partial void LogResending(ILogger logger, int count);
}
