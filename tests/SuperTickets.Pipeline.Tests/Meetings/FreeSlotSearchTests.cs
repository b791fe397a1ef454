using FsCheck;
using FsCheck.Fluent;
using SuperTickets.Pipeline.Resolve.Meetings;
using SuperTickets.Sla;

namespace SuperTickets.Pipeline.Tests.Meetings;

public sealed class FreeSlotSearchTests
{
    private static readonly TimeSpan HalfHour = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);
    private static readonly BusinessCalendar Berlin = Hours("Europe/Berlin", "Mon,Tue,Wed,Thu,Fri");
    private static readonly BusinessCalendar NewYork = Hours("America/New_York", "Mon,Tue,Wed,Thu,Fri");

    [Fact]
    public void Busy_blocks_are_skipped_and_the_first_free_half_hour_is_taken()
    {
        var monday = Utc(2026, 11, 23, 8, 0);
        BusyInterval[] busy = [new(Utc(2026, 11, 23, 8, 0), Utc(2026, 11, 23, 9, 0)), new(Utc(2026, 11, 23, 9, 0), Utc(2026, 11, 23, 9, 40))];

        var slot = First(Berlin, monday, busy);

        Assert.Equal(Utc(2026, 11, 23, 9, 45), slot);
    }

    [Fact]
    public void Overlapping_and_unordered_busy_blocks_are_merged()
    {
        BusyInterval[] busy =
        [
            new(Utc(2026, 11, 23, 10, 0), Utc(2026, 11, 23, 11, 0)),
            new(Utc(2026, 11, 23, 8, 0), Utc(2026, 11, 23, 9, 0)),
            new(Utc(2026, 11, 23, 8, 30), Utc(2026, 11, 23, 10, 15)),
        ];

        Assert.Equal(Utc(2026, 11, 23, 11, 0), First(Berlin, Utc(2026, 11, 23, 8, 0), busy));
    }

    [Fact]
    public void A_gap_shorter_than_the_meeting_is_not_used()
    {
        BusyInterval[] busy = [new(Utc(2026, 11, 23, 8, 0), Utc(2026, 11, 23, 9, 0)), new(Utc(2026, 11, 23, 9, 15), Utc(2026, 11, 23, 12, 0))];

        Assert.Equal(Utc(2026, 11, 23, 12, 0), First(Berlin, Utc(2026, 11, 23, 8, 0), busy));
    }

    [Theory]
    [InlineData("2026-11-23T05:00:00Z", "2026-11-23T08:00:00Z")]
    [InlineData("2026-07-06T05:00:00Z", "2026-07-06T07:00:00Z")]
    [InlineData("2026-11-23T08:07:00Z", "2026-11-23T08:15:00Z")]
    [InlineData("2026-11-23T15:40:00Z", "2026-11-24T08:00:00Z")]
    [InlineData("2026-11-27T16:00:00Z", "2026-11-30T08:00:00Z")]
    public void Slots_lie_in_business_hours_of_the_calendars_time_zone(string earliest, string expected) =>
        Assert.Equal(Parse(expected), First(Berlin, Parse(earliest), []));

    [Fact]
    public void A_slot_never_runs_past_closing()
    {
        BusyInterval[] busy = [new(Utc(2026, 11, 23, 8, 0), Utc(2026, 11, 23, 15, 45))];

        Assert.Equal(Utc(2026, 11, 24, 8, 0), First(Berlin, Utc(2026, 11, 23, 8, 0), busy));
    }

    [Fact]
    public void Across_the_autumn_clock_change_local_nine_moves_by_an_hour_in_utc()
    {
        Assert.Equal(Utc(2026, 10, 30, 13, 0), First(NewYork, Utc(2026, 10, 30, 12, 0), []));
        Assert.Equal(Utc(2026, 11, 2, 14, 0), First(NewYork, Utc(2026, 10, 30, 21, 0), []));
    }

    [Fact]
    public void On_the_spring_clock_change_day_business_hours_start_at_local_nine()
    {
        var everyDay = Hours("Europe/Berlin", "Mon,Tue,Wed,Thu,Fri,Sat,Sun");

        Assert.Equal(Utc(2026, 3, 28, 8, 0), First(everyDay, Utc(2026, 3, 28, 6, 0), []));
        Assert.Equal(Utc(2026, 3, 29, 7, 0), First(everyDay, Utc(2026, 3, 28, 16, 0), []));
        var night = new BusinessCalendar("night", "Europe/Berlin", new WeeklySchedule([new WeeklyInterval(DayOfWeek.Sunday, TimeSpan.FromHours(1), TimeSpan.FromHours(4))]));
        BusyInterval[] busy = [new(Utc(2026, 3, 29, 0, 0), Utc(2026, 3, 29, 0, 30))];
        Assert.Equal(Utc(2026, 3, 29, 0, 30), First(night, Utc(2026, 3, 28, 0, 0), busy, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Holidays_have_no_slots_and_do_not_count_as_business_days()
    {
        var withHoliday = new BusinessCalendar("h", "Europe/Berlin", WeeklySchedule.Weekdays(TimeSpan.FromHours(9), TimeSpan.FromHours(17)), [new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 25)]);

        Assert.Equal(Utc(2026, 12, 28, 8, 0), First(withHoliday, Utc(2026, 12, 23, 17, 0), []));
        Assert.Equal(Utc(2026, 12, 28, 23, 0), FreeSlotSearch.Horizon(withHoliday, Utc(2026, 12, 23, 17, 0), 1));
    }

    [Fact]
    public void The_horizon_is_local_midnight_after_the_last_business_day_searched()
    {
        Assert.Equal(Utc(2026, 11, 24, 23, 0), FreeSlotSearch.Horizon(Berlin, Utc(2026, 11, 23, 5, 0), 2));
        Assert.Equal(Utc(2026, 11, 30, 23, 0), FreeSlotSearch.Horizon(Berlin, Utc(2026, 11, 27, 16, 30), 1));
        Assert.Equal(Utc(2026, 11, 3, 5, 0), FreeSlotSearch.Horizon(NewYork, Utc(2026, 10, 30, 21, 0), 1));
    }

    [Fact]
    public void No_slot_is_found_when_the_window_is_fully_booked()
    {
        var earliest = Utc(2026, 11, 23, 8, 0);
        var horizon = FreeSlotSearch.Horizon(Berlin, earliest, 2);
        BusyInterval[] busy = [new(earliest, horizon)];

        Assert.Null(FreeSlotSearch.FirstFree(Berlin, earliest, horizon, HalfHour, Quarter, busy));
    }

    [Fact]
    public void The_slot_found_is_the_earliest_free_open_grid_slot()
    {
        var origin = Utc(2026, 1, 1, 0, 0);
        var scenario =
            from calendar in Gen.Elements(Berlin, NewYork)
            from start in Gen.Choose(0, 365 * 24 * 4).Select(q => origin.AddMinutes(15 * q).AddMinutes(q % 3))
            from count in Gen.Choose(0, 40)
            from blocks in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 5 * 24 * 4), Gen.Choose(1, 24)), count)
            from minutes in Gen.Elements(15, 30, 45, 60, 90)
            select (calendar, start, busy: blocks.Select(b => new BusyInterval(start.AddMinutes(15 * b.Item1), start.AddMinutes(15 * (b.Item1 + b.Item2)))).ToArray(), length: TimeSpan.FromMinutes(minutes));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), Prop.ForAll(scenario.ToArbitrary(), s =>
        {
            var horizon = FreeSlotSearch.Horizon(s.calendar, s.start, 3);
            return FreeSlotSearch.FirstFree(s.calendar, s.start, horizon, s.length, Quarter, s.busy) == BruteForce(s.calendar, s.start, horizon, s.length, s.busy);
        }));
    }

    private static DateTimeOffset? BruteForce(BusinessCalendar calendar, DateTimeOffset earliest, DateTimeOffset horizon, TimeSpan length, BusyInterval[] busy)
    {
        var start = new DateTimeOffset(earliest.UtcTicks + Quarter.Ticks - 1 - ((earliest.UtcTicks + Quarter.Ticks - 1) % Quarter.Ticks), TimeSpan.Zero);
        for (; start + length <= horizon; start += Quarter)
        {
            var end = start + length;
            if (calendar.BusinessTimeBetween(start, end) == length && !busy.Any(b => b.Start < end && b.End > start))
            {
                return start;
            }
        }

        return null;
    }

    private static DateTimeOffset? First(BusinessCalendar calendar, DateTimeOffset earliest, BusyInterval[] busy, TimeSpan? length = null) =>
        FreeSlotSearch.FirstFree(calendar, earliest, FreeSlotSearch.Horizon(calendar, earliest, 5), length ?? HalfHour, Quarter, busy);

    private static BusinessCalendar Hours(string zone, string days) =>
        new MeetingHoursOptions { Days = days }.ToCalendar(zone);

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private static DateTimeOffset Parse(string value) => DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
