using Microsoft.Extensions.Hosting;

namespace SuperTickets.Messaging;

/// <summary>The gate of background work that needs a fully started host.</summary>
public static class HostStart
{
    /// <summary>
    /// Waits until every hosted service has started (migrations applied, reference data seeded); false when the host
    /// stops first, for example because a start-up check failed, so that no work runs on a host being torn down.
    /// </summary>
    public static async Task<bool> WaitAsync(IHostApplicationLifetime lifetime, CancellationToken ct)
    {
        var started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult(true));
        await using var onStopping = ct.Register(() => started.TrySetResult(false));
        return await started.Task;
    }
}
