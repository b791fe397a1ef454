namespace SuperTickets.Sla;

/// <summary>
/// Snapshot of one target clock, precomputed so that evaluating it at any instant is a few comparisons.
/// </summary>
/// <param name="Phase">Whether the clock is advancing.</param>
/// <param name="Target">Business time allowed; zero when no target applies.</param>
/// <param name="Warning">Business time after which the target is at risk.</param>
/// <param name="Elapsed">Business time counted before <paramref name="RunningSince"/> (running) or in total (paused, stopped).</param>
/// <param name="RunningSince">Start of the current running stretch; null unless running.</param>
/// <param name="FrozenAt">Instant the clock stopped advancing (pause start, or when met); null while running.</param>
/// <param name="WarnAt">Instant the warning threshold is (or was) reached; null while paused short of it.</param>
/// <param name="DueAt">Deadline: instant the target is (or was) used up; null while paused short of it. For a met
/// target, the deadline as it stood when met.</param>
/// <param name="MetAt">Instant the target was met; null unless stopped.</param>
public readonly record struct SlaTargetClock(
    SlaClockPhase Phase,
    TimeSpan Target,
    TimeSpan Warning,
    TimeSpan Elapsed,
    DateTimeOffset? RunningSince,
    DateTimeOffset? FrozenAt,
    DateTimeOffset? WarnAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? MetAt);
