namespace SuperTickets.Sla;

/// <summary>
/// Compact SLA snapshot of one ticket, produced by <see cref="SlaTracker.Replay"/> whenever its history changes
/// and evaluated cheaply at any instant by <see cref="SlaClock.Evaluate"/>.
/// </summary>
/// <param name="PolicyId">Policy in force; null when none applies.</param>
/// <param name="PolicyEnabled">False when the policy in force is disabled: no escalations.</param>
/// <param name="CalendarId">Calendar the targets are measured in.</param>
/// <param name="IsSolved">Ticket currently solved.</param>
/// <param name="PausedSince">Start of the current wait on the customer, if any.</param>
/// <param name="PausedTotal">Wall-clock time of finished pauses.</param>
public sealed record SlaTicketState(
    string? PolicyId,
    bool PolicyEnabled,
    string CalendarId,
    bool IsSolved,
    DateTimeOffset? PausedSince,
    TimeSpan PausedTotal,
    SlaTargetClock FirstResponse,
    SlaTargetClock Resolution)
{
    public SlaTargetClock this[SlaTarget target] => target == SlaTarget.FirstResponse ? FirstResponse : Resolution;
}
