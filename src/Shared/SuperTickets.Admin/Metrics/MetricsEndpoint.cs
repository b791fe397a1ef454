using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SuperTickets.Admin.Auth;
using SuperTickets.Data.Admin;
using SuperTickets.Messaging;
using SuperTickets.Pipeline.Hosting;
using SuperTickets.ServiceDefaults;

namespace SuperTickets.Admin.Metrics;

/// <summary>
/// <c>/metrics</c> in Prometheus text format: interactions per stage and action, emails and tickets per status,
/// outbox backlog and its age, pending dead letters, first-reply latency quantiles (received to first reply sent),
/// SLA target states and compliance, the auto-answer rate, and this process's CPU time, memory and start time; and,
/// from <see cref="MessagingMetrics"/>, what the consumers hosted in this same process have done (all of them in the
/// embedded run, none in a standalone admin API: each worker process serves its own on its <c>/metrics</c>).
/// </summary>
internal static class MetricsEndpoint
{
    private static readonly double[] Quantiles = [0.5, 0.9, 0.99];

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/metrics", WriteAsync).RequireAuthorization(AdminRoles.Viewer).WithTags("Metrics")
            .Produces(StatusCodes.Status200OK, contentType: "text/plain")
            .WithSummary("Pipeline metrics in Prometheus text exposition format.");

    private static async Task<IResult> WriteAsync(MetricsQueries queries, TimeProvider clock, IServiceProvider services, CancellationToken ct)
    {
        var m = await queries.ReadAsync(ct);
        var text = new PrometheusText();
        text.Family("supertickets_interactions_total", "counter", "Interaction-log entries by stage and action.");
        foreach (var (stage, action, count) in m.Interactions)
        {
            text.Sample("supertickets_interactions_total", count, ("stage", stage), ("action", action));
        }
        text.Family("supertickets_emails", "gauge", "Stored emails by processing status.");
        foreach (var (status, count) in m.EmailsByStatus)
        {
            text.Sample("supertickets_emails", count, ("status", status));
        }
        text.Family("supertickets_tickets", "gauge", "Tickets by status.");
        foreach (var (status, count) in m.TicketsByStatus)
        {
            text.Sample("supertickets_tickets", count, ("status", status));
        }
        text.Family("supertickets_outbox_backlog", "gauge", "Messages committed to the outbox and not yet relayed.")
            .Sample("supertickets_outbox_backlog", m.OutboxBacklog)
            .Family("supertickets_outbox_oldest_age_seconds", "gauge", "Age of the oldest outbox message (relay lag).")
            .Sample("supertickets_outbox_oldest_age_seconds", m.OldestOutboxMessage is { } oldest ? Math.Max(0, (clock.GetUtcNow() - oldest).TotalSeconds) : 0)
            .Family("supertickets_dead_letters_pending", "gauge", "Dead letters not replayed.")
            .Sample("supertickets_dead_letters_pending", m.DeadLettersPending);
        WriteLatency(text, m.FirstReplySeconds);
        text.Family("supertickets_sla_targets", "gauge", "SLA targets of tickets by state (ok, at_risk, met, breached).");
        foreach (var (target, state, count) in m.SlaStates)
        {
            text.Sample("supertickets_sla_targets", count, ("target", target), ("state", state));
        }
        text.Family("supertickets_sla_compliance_ratio", "gauge", "Share of decided SLA targets that were met (met / (met + breached)).");
        foreach (var target in m.SlaStates.Select(s => s.Target).Distinct())
        {
            var met = m.SlaStates.Where(s => s.Target == target && s.State == "met").Sum(s => s.Count);
            var breached = m.SlaStates.Where(s => s.Target == target && s.State == "breached").Sum(s => s.Count);
            text.Sample("supertickets_sla_compliance_ratio", met + breached == 0 ? 1 : (double)met / (met + breached), ("target", target));
        }
        text.Family("supertickets_auto_answer_ratio", "gauge", "Share of tickets answered automatically from the knowledge base.")
            .Sample("supertickets_auto_answer_ratio", m.Tickets == 0 ? 0 : (double)m.AutoAnsweredTickets / m.Tickets);
        if (services.GetService<MessagingMetrics>() is { } messaging)
        {
            text.ConsumerFamilies(messaging.Totals());
        }
        text.ProcessFamilies();
        return Results.Text(text.ToString(), PrometheusText.ContentType);
    }

    private static void WriteLatency(PrometheusText text, IReadOnlyList<double> seconds)
    {
        const string name = "supertickets_first_reply_seconds";
        text.Family(name, "summary", $"Time from receiving a ticket's first email to sending its first reply (latest {MetricsQueries.LatencySample} tickets).");
        var sorted = seconds.Order().ToArray();
        foreach (var q in Quantiles)
        {
            text.Sample(name, sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)],
                ("quantile", q.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        text.Sample(name + "_sum", Math.Round(sorted.Sum(), 3)).Sample(name + "_count", sorted.Length);
    }
}
