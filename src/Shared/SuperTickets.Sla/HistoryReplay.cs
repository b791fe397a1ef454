namespace SuperTickets.Sla;

/// <summary>The state machine behind <see cref="SlaTracker.Replay"/>; one instance per replayed history.</summary>
internal sealed class HistoryReplay(SlaPolicySet policies, BusinessCalendarSet calendars, string? category, string? customerTier)
{
    private readonly TargetTimeline _firstResponse = new();
    private readonly TargetTimeline _resolution = new();
    private bool _created;
    private bool _solved;
    private SlaPolicy? _policy;
    private DateTimeOffset? _pausedSince;
    private TimeSpan _pausedTotal;

    public void Apply(SlaTicketEvent entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!_created && entry.Kind != SlaEventKind.Created)
        {
            return;
        }

        var at = entry.At;
        switch (entry.Kind)
        {
            case SlaEventKind.Created when !_created:
                _created = true;
                _policy = (entry.PolicyId is null ? null : policies.Find(entry.PolicyId))
                    ?? (entry.Priority is null ? null : policies.Resolve(entry.Priority, category, customerTier));
                _firstResponse.Start(at);
                _resolution.Start(at);
                break;
            case SlaEventKind.PriorityChanged when entry.Priority is not null:
                _policy = policies.Resolve(entry.Priority, category, customerTier) ?? _policy;
                break;
            case SlaEventKind.PolicyChanged when entry.PolicyId is not null:
                _policy = policies.Find(entry.PolicyId) ?? _policy;
                break;
            case SlaEventKind.Paused when !_solved && _pausedSince is null:
                _pausedSince = at;
                _firstResponse.Pause(at);
                _resolution.Pause(at);
                break;
            case SlaEventKind.Resumed when _pausedSince is not null:
                EndPause(at);
                _firstResponse.Resume(at);
                _resolution.Resume(at);
                break;
            case SlaEventKind.FirstResponded:
                Stop(_firstResponse, SlaTarget.FirstResponse, at);
                break;
            case SlaEventKind.Solved when !_solved:
                _solved = true;
                EndPause(at);
                Stop(_firstResponse, SlaTarget.FirstResponse, at);
                Stop(_resolution, SlaTarget.Resolution, at);
                break;
            case SlaEventKind.Reopened when _solved:
                _solved = false;
                _resolution.Reopen(at, _policy?.ReopenRule == SlaReopenRule.Restart);
                break;
        }
    }

    public SlaTicketState? Result()
    {
        if (!_created)
        {
            return null;
        }

        var calendar = Calendar();
        return new SlaTicketState(
            _policy?.Id,
            _policy?.Enabled ?? false,
            calendar.Id,
            _solved,
            _pausedSince,
            _pausedTotal,
            _firstResponse.Verdict ?? Measure(_firstResponse, SlaTarget.FirstResponse, calendar),
            _resolution.Verdict ?? Measure(_resolution, SlaTarget.Resolution, calendar));
    }

    private void Stop(TargetTimeline timeline, SlaTarget target, DateTimeOffset at)
    {
        if (timeline.Stop(at) && _policy is not null)
        {
            timeline.Verdict = Measure(timeline, target, Calendar());
        }
    }

    private void EndPause(DateTimeOffset at)
    {
        if (_pausedSince is { } since)
        {
            _pausedTotal += at > since ? at - since : TimeSpan.Zero;
            _pausedSince = null;
        }
    }

    private SlaTargetClock Measure(TargetTimeline timeline, SlaTarget target, BusinessCalendar calendar)
    {
        var amount = _policy is null ? TimeSpan.Zero
            : target == SlaTarget.FirstResponse ? _policy.FirstResponse : _policy.Resolution;
        return timeline.Measure(amount, _policy?.WarningFor(amount) ?? TimeSpan.Zero, calendar);
    }

    private BusinessCalendar Calendar() => _policy is null ? BusinessCalendar.AlwaysOpen : calendars.For(_policy);
}
