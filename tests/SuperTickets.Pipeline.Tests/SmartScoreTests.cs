using SuperTickets.Pipeline.Resolve;

namespace SuperTickets.Pipeline.Tests;

public sealed class SmartScoreTests
{
    [Fact]
    public void Urgent_angry_vip_with_alerts_outranks_a_calm_normal_request()
    {
        var (urgent, breakdown) = SmartScore.Compute("urgent", -0.8, isVip: true, alerts: 1, priorContacts: 2, TimeSpan.Zero);
        var (normal, _) = SmartScore.Compute("normal", 0.3, isVip: false, alerts: 0, priorContacts: 0, TimeSpan.Zero);
        Assert.True(urgent > normal);
        Assert.Equal(80, breakdown["priority"]);
        Assert.Equal(12, breakdown["sentiment"]);
        Assert.Equal(15, breakdown["customerValue"]);
        Assert.Equal(10, breakdown["topicAlerts"]);
        Assert.Equal(10, breakdown["repeatedContact"]);
        Assert.Equal(breakdown.Values.Sum(), urgent, precision: 6);
    }

    [Fact]
    public void Waiting_time_raises_the_score_up_to_a_cap()
    {
        var (fresh, _) = SmartScore.Compute("low", 0, false, 0, 0, TimeSpan.Zero);
        var (waited, parts) = SmartScore.Compute("low", 0, false, 0, 0, TimeSpan.FromDays(3));
        Assert.Equal(fresh + 20, waited);
        Assert.Equal(20, parts["waiting"]);
    }
}
