using SuperTickets.Data;

namespace SuperTickets.Pipeline.Ingest;

/// <summary>What the mailbox pollers do when a mailbox fails: back off with jitter and show the mailbox as degraded.</summary>
internal static class MailboxFailures
{
    /// <summary><paramref name="initial"/> doubled per consecutive failure, capped at <paramref name="ceiling"/>, times a jitter of 0.5–1.</summary>
    public static TimeSpan Backoff(TimeSpan initial, TimeSpan ceiling, int failures)
    {
        var exponential = initial * Math.Pow(2, Math.Min(failures - 1, 30));
        var capped = exponential < ceiling ? exponential : ceiling;
        return capped * (0.5 + (Random.Shared.NextDouble() / 2));
    }

    /// <summary>Records the failure as the mailbox's health; a failure to record it goes to <paramref name="statusFailed"/>.</summary>
    public static async Task ReportDegradedAsync(MailboxStore mailboxes, string mailboxId, Exception ex, Action<Exception> statusFailed)
    {
        try
        {
            await mailboxes.ReportHealthAsync(mailboxId, $"{ex.GetType().Name}: {ex.Message}", CancellationToken.None);
        }
        catch (Exception statusError)
        {
            statusFailed(statusError);
        }
    }
}
