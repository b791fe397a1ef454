using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SuperTickets.Messaging;
using SuperTickets.ServiceDefaults;

namespace SuperTickets.Pipeline.Hosting;

/// <summary>
/// The consumer totals of <see cref="MessagingMetrics"/> as Prometheus families, and a worker's own <c>/metrics</c>:
/// those families for the consumer groups the worker hosts plus the process's CPU time, memory and start time.
/// </summary>
public static class WorkerMetrics
{
    /// <summary>
    /// Maps <c>/metrics</c> for a worker process. Like the health endpoints beside it, it asks for no credentials:
    /// it holds counts per consumer group and process figures, nothing about customers or mail, and listens only where
    /// the worker's <c>Urls</c> say (loopback by default). The database-wide figures stay on the admin API's
    /// authenticated <c>/metrics</c>.
    /// </summary>
    public static IEndpointConventionBuilder MapWorkerMetrics(this IEndpointRouteBuilder app) =>
        app.MapGet("/metrics", (IServiceProvider services) =>
        {
            var text = new PrometheusText();
            if (services.GetService<MessagingMetrics>() is { } messaging)
            {
                text.ConsumerFamilies(messaging.Totals());
            }
            text.ProcessFamilies();
            return Results.Text(text.ToString(), PrometheusText.ContentType);
        });

    /// <summary>Handled, duplicate and failed counts and the batch-duration summary, labelled by consumer group.</summary>
    public static PrometheusText ConsumerFamilies(this PrometheusText text, IReadOnlyList<ConsumerTotals> consumers)
    {
        PerConsumer(text, consumers, "supertickets_messages_handled_total", "counter",
            "Messages whose handler ran and whose transaction committed", c => c.Handled);
        PerConsumer(text, consumers, "supertickets_messages_duplicates_total", "counter",
            "Redelivered messages the inbox had already seen and skipped", c => c.Duplicates);
        PerConsumer(text, consumers, "supertickets_batches_failed_total", "counter",
            "Batches whose handler or commit failed (retried or dead-lettered)", c => c.FailedBatches);
        const string duration = "supertickets_batch_duration_seconds";
        text.Family(duration, "summary", "Time to prepare, handle and commit a batch, committed or failed, by consumer group, in this process.");
        foreach (var c in consumers)
        {
            text.Sample(duration + "_sum", Math.Round(c.BatchTime.TotalSeconds, 6), ("consumer", c.Consumer))
                .Sample(duration + "_count", c.Batches, ("consumer", c.Consumer));
        }
        return text;
    }

    private static void PerConsumer(
        PrometheusText text, IReadOnlyList<ConsumerTotals> consumers, string name, string type, string help, Func<ConsumerTotals, double> value)
    {
        text.Family(name, type, help + ", by consumer group, in this process.");
        foreach (var c in consumers)
        {
            text.Sample(name, value(c), ("consumer", c.Consumer));
        }
    }
}
