using SuperTickets.Pipeline.Sla;

namespace SuperTickets.Pipeline.Tests;

public sealed class SlaSweeperTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    private static SlaTrackingRow Row(string fired = "", string first = "ok") => new()
    {
        TicketId = 1,
        PolicyId = "normal",
        CreatedAt = Created,
        FirstResponseDue = Created.AddHours(10),
        ResolutionDue = Created.AddHours(100),
        FirstResponseState = first,
        FiredThresholds = fired,
    };

    [Fact]
    public void Nothing_fires_before_the_warning_fraction()
    {
        var result = SlaSweeper.Evaluate(Row(), Created.AddHours(7.9));
        Assert.Empty(result.New);
        Assert.Equal("ok", result.FirstResponse);
    }

    [Fact]
    public void At_risk_fires_once_at_eighty_percent()
    {
        var first = SlaSweeper.Evaluate(Row(), Created.AddHours(8));
        Assert.Equal(["first_response_at_risk"], first.New.Select(n => n.Threshold));
        var again = SlaSweeper.Evaluate(Row(first.Fired, first.FirstResponse), Created.AddHours(9));
        Assert.Empty(again.New);
    }

    [Fact]
    public void Breach_fires_with_the_missed_warning_when_a_sweep_was_skipped()
    {
        var result = SlaSweeper.Evaluate(Row(), Created.AddHours(11));
        Assert.Equal(["first_response_at_risk", "first_response_breached"], result.New.Select(n => n.Threshold));
        Assert.Equal("breached", result.FirstResponse);
    }

    [Fact]
    public void Met_target_never_escalates()
    {
        var result = SlaSweeper.Evaluate(Row(first: "met"), Created.AddHours(50));
        Assert.DoesNotContain(result.New, n => n.Threshold.StartsWith("first_response", StringComparison.Ordinal));
    }
}
