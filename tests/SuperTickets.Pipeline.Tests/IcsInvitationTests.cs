using SuperTickets.Pipeline.Resolve;

namespace SuperTickets.Pipeline.Tests;

public sealed class IcsInvitationTests
{
    [Fact]
    public void Invitation_is_a_valid_request_with_folded_lines_and_utc_times()
    {
        var start = new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);
        var ics = IcsInvitation.Create("uid-1@example", start, TimeSpan.FromMinutes(30),
            "Support call about ST-1001 with a very long summary that certainly needs folding, Ünïcödé included",
            "Nimbus Support", "support@nimbus.example", "customer@example.com", start.AddDays(-1));

        var lines = ics.Split("\r\n");
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Contains("METHOD:REQUEST", lines);
        Assert.Contains("DTSTART:20261124T150000Z", lines);
        Assert.Contains("DTEND:20261124T153000Z", lines);
        Assert.All(lines, l => Assert.True(System.Text.Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains(@"SUMMARY:Support call about ST-1001 with a very long summary that certainly needs folding\, Ünïcödé included", unfolded, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-20T10:00:00Z", "2026-11-23T15:00:00Z")]
    [InlineData("2026-11-23T09:00:00Z", "2026-11-24T15:00:00Z")]
    [InlineData("2026-11-23T16:00:00Z", "2026-11-25T15:00:00Z")]
    public void Proposed_slot_is_a_weekday_afternoon_at_least_a_day_ahead(string now, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            IcsInvitation.ProposeSlot(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
}
