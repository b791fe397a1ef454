namespace SuperTickets.Sla.Tests;

public sealed class SlaPolicySetTests
{
    [Theory]
    [InlineData("low", 24 * 60, 7 * 24 * 60)]
    [InlineData("normal", 8 * 60, 48 * 60)]
    [InlineData("high", 2 * 60, 24 * 60)]
    [InlineData("urgent", 30, 8 * 60)]
    public void Defaults_cover_every_priority(string priority, int firstResponseMinutes, int resolutionMinutes)
    {
        var policy = SlaPolicySet.Defaults.Resolve(priority);

        Assert.NotNull(policy);
        Assert.Equal(TimeSpan.FromMinutes(firstResponseMinutes), policy.FirstResponse);
        Assert.Equal(TimeSpan.FromMinutes(resolutionMinutes), policy.Resolution);
        Assert.Equal(0.8, policy.WarningFraction);
        Assert.False(policy.UseBusinessHours);
    }

    [Fact]
    public void Priority_matching_ignores_case_and_surrounding_spaces()
    {
        Assert.Equal("default-urgent", SlaPolicySet.Defaults.Resolve(" URGENT ")?.Id);
    }

    [Fact]
    public void Unknown_priority_has_no_policy()
    {
        Assert.Null(SlaPolicySet.Defaults.Resolve("whenever"));
    }

    [Theory]
    [InlineData(null, null, "base")]
    [InlineData("billing", null, "billing")]
    [InlineData(null, "gold", "gold")]
    [InlineData("billing", "gold", "gold-billing")]
    [InlineData("shipping", "silver", "base")]
    public void Most_specific_enabled_policy_wins(string? category, string? tier, string expected)
    {
        var set = new SlaPolicySet(
        [
            Policy("base"),
            Policy("billing") with { Category = "billing" },
            Policy("gold") with { CustomerTier = "gold" },
            Policy("gold-billing") with { Category = "billing", CustomerTier = "gold" },
            Policy("gold-billing-off") with { Category = "billing", CustomerTier = "gold", Enabled = false },
        ]);

        Assert.Equal(expected, set.Resolve("high", category, tier)?.Id);
    }

    [Fact]
    public void Disabled_policy_is_never_resolved_but_can_be_found_by_id()
    {
        var set = new SlaPolicySet([Policy("off") with { Enabled = false }]);

        Assert.Null(set.Resolve("high"));
        Assert.NotNull(set.Find("OFF"));
    }

    [Fact]
    public void Equal_specificity_prefers_the_first_configured_policy()
    {
        var set = new SlaPolicySet([Policy("first"), Policy("second")]);

        Assert.Equal("first", set.Resolve("high")?.Id);
    }

    [Fact]
    public void Invalid_policy_sets_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new SlaPolicySet([Policy("a"), Policy("A")]));
        Assert.Throws<ArgumentException>(() => new SlaPolicySet([Policy("a") with { WarningFraction = 0 }]));
        Assert.Throws<ArgumentException>(() => new SlaPolicySet([Policy("a") with { WarningFraction = 1.5 }]));
        Assert.Throws<ArgumentException>(() => new SlaPolicySet([Policy("a") with { Resolution = TimeSpan.FromHours(-1) }]));
    }

    [Fact]
    public void Calendar_set_picks_the_calendar_a_policy_measures_in()
    {
        var calendars = new BusinessCalendarSet([Calendars.Berlin, Calendars.NewYork]);

        Assert.Same(BusinessCalendar.AlwaysOpen, calendars.For(Policy("a")));
        Assert.Same(Calendars.Berlin, calendars.For(Policy("a") with { UseBusinessHours = true }));
        Assert.Same(Calendars.NewYork, calendars.For(Policy("a") with { UseBusinessHours = true, CalendarId = "NEW-YORK" }));
        Assert.Throws<KeyNotFoundException>(() => calendars.For(Policy("a") with { UseBusinessHours = true, CalendarId = "tokyo" }));
        Assert.Same(BusinessCalendar.AlwaysOpen, BusinessCalendarSet.Empty.For(Policy("a") with { UseBusinessHours = true }));
    }

    private static SlaPolicy Policy(string id) => new()
    {
        Id = id,
        Name = id,
        Priority = SlaPriority.High,
        FirstResponse = TimeSpan.FromHours(1),
        Resolution = TimeSpan.FromHours(8),
    };
}
