namespace SuperTickets.Sla;

/// <summary>Mutable record of when one target clock ran, used while replaying a ticket's history.</summary>
internal sealed class TargetTimeline
{
    private readonly List<(DateTimeOffset Start, DateTimeOffset End)> _ran = [];
    private DateTimeOffset? _runningSince;
    private DateTimeOffset? _frozenAt;
    private DateTimeOffset? _metAt;

    public SlaClockPhase Phase { get; private set; }

    /// <summary>The clock as judged when it stopped, under the policy then in force.</summary>
    public SlaTargetClock? Verdict { get; set; }

    public void Start(DateTimeOffset at)
    {
        _ran.Clear();
        Continue(at);
    }

    public void Pause(DateTimeOffset at)
    {
        if (Phase == SlaClockPhase.Running)
        {
            Close(at);
            Phase = SlaClockPhase.Paused;
        }
    }

    public void Resume(DateTimeOffset at)
    {
        if (Phase == SlaClockPhase.Paused)
        {
            Continue(at);
        }
    }

    /// <summary>Stops the clock; a paused clock stays frozen at its pause start. Returns false if already stopped.</summary>
    public bool Stop(DateTimeOffset at)
    {
        if (Phase == SlaClockPhase.Stopped)
        {
            return false;
        }

        if (Phase == SlaClockPhase.Running)
        {
            Close(at);
        }

        Phase = SlaClockPhase.Stopped;
        _metAt = at;
        return true;
    }

    /// <summary>Runs a stopped clock again, from zero or from the business time it had.</summary>
    public void Reopen(DateTimeOffset at, bool restart)
    {
        if (Phase != SlaClockPhase.Stopped)
        {
            return;
        }

        if (restart)
        {
            Start(at);
        }
        else
        {
            Continue(at);
        }
    }

    public SlaTargetClock Measure(TimeSpan target, TimeSpan warning, BusinessCalendar calendar)
    {
        var elapsed = TimeSpan.Zero;
        foreach (var (start, end) in _ran)
        {
            elapsed += calendar.BusinessTimeBetween(start, end);
        }

        var continuesFrom = Phase switch
        {
            SlaClockPhase.Running => _runningSince,
            SlaClockPhase.Stopped => _frozenAt,
            _ => null,
        };
        return new SlaTargetClock(
            Phase,
            target,
            warning,
            elapsed,
            _runningSince,
            _frozenAt,
            Reached(warning, calendar, continuesFrom),
            Reached(target, calendar, continuesFrom),
            _metAt);
    }

    private DateTimeOffset? Reached(TimeSpan amount, BusinessCalendar calendar, DateTimeOffset? continuesFrom)
    {
        var counted = TimeSpan.Zero;
        foreach (var (start, end) in _ran)
        {
            var stretch = calendar.BusinessTimeBetween(start, end);
            if (counted + stretch >= amount)
            {
                return calendar.AddBusinessTime(start, amount - counted);
            }

            counted += stretch;
        }

        return continuesFrom is { } from ? calendar.AddBusinessTime(from, amount - counted) : null;
    }

    private void Continue(DateTimeOffset at)
    {
        _runningSince = at;
        _frozenAt = null;
        _metAt = null;
        Verdict = null;
        Phase = SlaClockPhase.Running;
    }

    private void Close(DateTimeOffset at)
    {
        var since = _runningSince ?? at;
        _ran.Add((since, at > since ? at : since));
        _runningSince = null;
        _frozenAt = at;
    }
}
