using SuperTickets.Messaging;
using SuperTickets.Pipeline.Ingest;

namespace SuperTickets.Pipeline.Hosting;

/// <summary>Tells when an embedded run has nothing left to do: sources read once, queues and outbox empty.</summary>
public sealed class PipelineIdleProbe(IngestProgress ingest, InProcessTransport transport, OutboxRelay relay)
{
    public async Task WaitForIdleAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        await ingest.FirstPassDone.WaitAsync(deadline.Token);
        var quietChecks = 0;
        while (quietChecks < 3)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(40), deadline.Token);
            quietChecks = transport.Pending == 0 && await relay.IsIdleAsync(deadline.Token) ? quietChecks + 1 : 0;
        }
    }
}
