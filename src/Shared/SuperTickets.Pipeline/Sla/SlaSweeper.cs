using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperTickets.Contracts;
using SuperTickets.Data;
using SuperTickets.Data.Sla;
using SuperTickets.Messaging;

namespace SuperTickets.Pipeline.Sla;

/// <summary>
/// One pass over the open tickets: marks first-response and resolution targets at risk (past the warning
/// fraction) or breached, and emits one <see cref="SlaEvent"/> per threshold per ticket, ever. The escalation
/// actions of a fired threshold commit in the same transaction as its mark (see <see cref="SlaEscalator"/>).
/// </summary>
public sealed partial class SlaSweeper(
    IServiceScopeFactory scopes,
    OutboxRelay relay,
    SlaEscalator escalator,
    TimeProvider clock,
    IOptions<SlaOptions> options,
    ILogger<SlaSweeper> logger)
{
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var fired = 0;
        long after = 0;
        long? lead = null;
        var leadKnown = false;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var session = scope.ServiceProvider.GetRequiredService<DbSession>();
            var unitOfWork = scope.ServiceProvider.GetRequiredService<IMessageUnitOfWork>();
            var serializer = scope.ServiceProvider.GetRequiredService<MessageSerializer>();
            var log = scope.ServiceProvider.GetRequiredService<InteractionLog>();
            await unitOfWork.BeginAsync(ct);
            var now = clock.GetUtcNow();
            var rows = (await session.Connection.QueryAsync<SlaTrackingRow>(new CommandDefinition(SlaSweepQuery.For(session.Provider),
                new { enabled = true, after, now, limit = options.Value.SweepBatchSize }, session.Transaction, cancellationToken: ct))).ToList();
            if (rows.Count == 0)
            {
                return fired;
            }
            if (!leadKnown)
            {
                lead = await escalator.FindLeadAsync(session, ct);
                leadKnown = true;
            }
            var escalation = new SlaEscalationContext(session, unitOfWork, serializer, lead, now);
            var updates = new List<SlaStateUpdate>();
            foreach (var tracked in rows)
            {
                var row = tracked;
                var crossed = Evaluate(row, now);
                foreach (var (threshold, due) in crossed.New)
                {
                    var slaEvent = new SlaEvent(row.TicketId, TicketNumber.Format(row.TicketId), threshold, due, now, row.PolicyId);
                    await unitOfWork.EnqueueAsync(serializer.CreateEnvelope(Topics.SlaEvents, TicketNumber.Format(row.TicketId), slaEvent), ct);
                    await log.AddAsync(session, new Interaction("sla", threshold, null, row.TicketId, null,
                        $"{TicketNumber.Format(row.TicketId)} {threshold.Replace('_', ' ')} (due {due:u})", slaEvent), ct);
                    LogThreshold(logger, TicketNumber.Format(row.TicketId), threshold);
                    row = await escalator.EscalateAsync(escalation, row, threshold, due, ct);
                    fired++;
                }
                if (crossed.New.Count > 0)
                {
                    updates.Add(new SlaStateUpdate(row.TicketId, crossed.FirstResponse, crossed.Resolution, crossed.Fired));
                }
            }
            await SlaStateStore.UpdateAsync(session, updates, now, ct);
            relay.Dispatch(await unitOfWork.CommitAsync(ct));
            after = rows[^1].TicketId;
        }
    }

    internal static (string FirstResponse, string Resolution, string Fired, List<(string Threshold, DateTimeOffset Due)> New) Evaluate(SlaTrackingRow row, DateTimeOffset now)
    {
        var fired = row.FiredThresholds.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var crossed = new List<(string, DateTimeOffset)>();
        var first = Target("first_response", row.FirstResponseState, row.FirstResponseDue);
        var resolution = Target("resolution", row.ResolutionState, row.ResolutionDue);
        return (first, resolution, string.Join(',', fired.Order(StringComparer.Ordinal)), crossed);

        string Target(string name, string state, DateTimeOffset due)
        {
            if (state is "met" or "breached")
            {
                return state;
            }
            var total = due - row.CreatedAt - TimeSpan.FromSeconds(row.PausedSeconds);
            var elapsed = now - row.CreatedAt - TimeSpan.FromSeconds(row.PausedSeconds);
            var next = now >= due ? "breached"
                : total > TimeSpan.Zero && elapsed / total >= row.WarningFraction ? "at_risk"
                : "ok";
            foreach (var level in next == "breached" ? new[] { "at_risk", "breached" } : next == "at_risk" ? ["at_risk"] : [])
            {
                if (fired.Add($"{name}_{level}"))
                {
                    crossed.Add(($"{name}_{level}", due));
                }
            }
            return next;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SLA: {TicketNumber} {Threshold}")]
    private static partial void LogThreshold(ILogger logger, string ticketNumber, string threshold);
}
