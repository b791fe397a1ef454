using static SuperTickets.Sla.Tests.Calendars;

namespace SuperTickets.Sla.Tests;

public sealed class BusinessCalendarTests
{
    [Fact]
    public void Ordinary_weekday_from_nine_to_five_is_eight_hours()
    {
        var monday = Local(Berlin, 2025, 6, 2, 9);

        Assert.Equal(TimeSpan.FromHours(8), Berlin.BusinessTimeBetween(monday, monday.AddHours(8)));
        Assert.Equal(TimeSpan.FromHours(8), Berlin.BusinessTimeBetween(monday.AddHours(-3), monday.AddHours(12)));
    }

    [Fact]
    public void Adding_past_friday_closing_continues_on_monday_morning()
    {
        var fridayAfternoon = Local(Berlin, 2025, 6, 6, 16, 30);

        var result = Berlin.AddBusinessTime(fridayAfternoon, TimeSpan.FromHours(1));

        Assert.Equal(Local(Berlin, 2025, 6, 9, 9, 30), result);
        Assert.Equal(TimeSpan.Zero, result.Offset);
    }

    [Fact]
    public void Adding_from_a_weekend_starts_counting_at_next_opening()
    {
        var saturday = Local(Berlin, 2025, 6, 7, 11);

        Assert.Equal(Local(Berlin, 2025, 6, 9, 10), Berlin.AddBusinessTime(saturday, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Adding_a_full_day_ends_at_closing_time_not_next_opening()
    {
        var monday = Local(Berlin, 2025, 6, 2, 9);

        Assert.Equal(Local(Berlin, 2025, 6, 2, 17), Berlin.AddBusinessTime(monday, TimeSpan.FromHours(8)));
    }

    [Fact]
    public void Zero_duration_returns_the_start_instant()
    {
        var saturday = Local(Berlin, 2025, 6, 7, 11);

        Assert.Equal(saturday, Berlin.AddBusinessTime(saturday, TimeSpan.Zero));
    }

    [Fact]
    public void Negative_or_calendar_exceeding_durations_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Berlin.AddBusinessTime(Utc(2025, 6, 2, 9), TimeSpan.FromMinutes(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Berlin.AddBusinessTime(Utc(2025, 6, 2, 9), TimeSpan.MaxValue));
    }

    [Fact]
    public void Holidays_are_closed_all_day()
    {
        var christmasEve = Local(Berlin, 2025, 12, 24, 16);

        Assert.False(Berlin.IsOpen(Local(Berlin, 2025, 12, 25, 10)));
        Assert.Equal(Local(Berlin, 2025, 12, 29, 10), Berlin.AddBusinessTime(christmasEve, TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(2), Berlin.BusinessTimeBetween(christmasEve, Local(Berlin, 2025, 12, 29, 10)));
    }

    [Fact]
    public void Open_state_includes_opening_and_excludes_closing_time()
    {
        Assert.True(Berlin.IsOpen(Local(Berlin, 2025, 6, 2, 9)));
        Assert.True(Berlin.IsOpen(Local(Berlin, 2025, 6, 2, 16, 59)));
        Assert.False(Berlin.IsOpen(Local(Berlin, 2025, 6, 2, 17)));
        Assert.False(Berlin.IsOpen(Local(Berlin, 2025, 6, 7, 12)));
    }

    [Fact]
    public void Next_open_is_the_instant_itself_when_open_else_the_next_opening()
    {
        var open = Local(Berlin, 2025, 6, 2, 10);

        Assert.Equal(open, Berlin.NextOpen(open));
        Assert.Equal(Local(Berlin, 2025, 6, 9, 9), Berlin.NextOpen(Local(Berlin, 2025, 6, 6, 18)));
    }

    [Fact]
    public void Business_time_is_negative_when_the_end_precedes_the_start()
    {
        var a = Local(Berlin, 2025, 6, 2, 10);
        var b = Local(Berlin, 2025, 6, 3, 11);

        Assert.Equal(TimeSpan.FromHours(9), Berlin.BusinessTimeBetween(a, b));
        Assert.Equal(TimeSpan.FromHours(-9), Berlin.BusinessTimeBetween(b, a));
    }

    [Fact]
    public void Business_time_spans_the_turn_of_the_year()
    {
        var from = Local(Berlin, 2025, 12, 31, 16);
        var to = Local(Berlin, 2026, 1, 2, 10);

        Assert.Equal(TimeSpan.FromHours(10), Berlin.BusinessTimeBetween(from, to));
        Assert.Equal(to, Berlin.AddBusinessTime(from, TimeSpan.FromHours(10)));
    }

    [Fact]
    public void Week_across_the_berlin_spring_change_keeps_eight_hour_days()
    {
        var friday = Local(Berlin, 2025, 3, 28, 9);
        var monday = Local(Berlin, 2025, 3, 31, 17);

        Assert.Equal(Utc(2025, 3, 28, 8), friday);
        Assert.Equal(Utc(2025, 3, 31, 15), monday);
        Assert.Equal(TimeSpan.FromHours(16), Berlin.BusinessTimeBetween(friday, monday));
        Assert.Equal(monday, Berlin.AddBusinessTime(friday, TimeSpan.FromHours(16)));
    }

    [Fact]
    public void Week_across_the_new_york_autumn_change_keeps_eight_hour_days()
    {
        var friday = Local(NewYork, 2025, 10, 31, 9);
        var monday = Local(NewYork, 2025, 11, 3, 17);

        Assert.Equal(Utc(2025, 10, 31, 13), friday);
        Assert.Equal(Utc(2025, 11, 3, 22), monday);
        Assert.Equal(TimeSpan.FromHours(16), NewYork.BusinessTimeBetween(friday, monday));
    }

    [Fact]
    public void Hours_skipped_by_the_berlin_spring_change_do_not_count()
    {
        Assert.Equal(TimeSpan.FromHours(2), BerlinNight.BusinessTimeBetween(Utc(2025, 3, 29, 23), Utc(2025, 3, 30, 3)));
        Assert.Equal(TimeSpan.FromHours(3), BerlinNight.BusinessTimeBetween(Utc(2025, 3, 28, 23), Utc(2025, 3, 29, 3)));
        Assert.Equal(Utc(2025, 3, 30, 1), BerlinNight.AddBusinessTime(Utc(2025, 3, 30, 0), TimeSpan.FromHours(1)));
        Assert.Equal(Utc(2025, 3, 30, 2), BerlinNight.AddBusinessTime(Utc(2025, 3, 30, 0), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Hours_repeated_by_the_berlin_autumn_change_count_twice()
    {
        Assert.Equal(TimeSpan.FromHours(4), BerlinNight.BusinessTimeBetween(Utc(2025, 10, 25, 22), Utc(2025, 10, 26, 4)));
        Assert.True(BerlinNight.IsOpen(Utc(2025, 10, 26, 0, 30)));
        Assert.True(BerlinNight.IsOpen(Utc(2025, 10, 26, 1, 30)));
        Assert.False(BerlinNight.IsOpen(Utc(2025, 10, 26, 3)));
    }

    [Fact]
    public void New_york_night_shift_is_two_hours_in_spring_and_four_in_autumn()
    {
        Assert.Equal(TimeSpan.FromHours(2), NewYorkNight.BusinessTimeBetween(Utc(2025, 3, 9, 5), Utc(2025, 3, 9, 8)));
        Assert.Equal(TimeSpan.FromHours(4), NewYorkNight.BusinessTimeBetween(Utc(2025, 11, 2, 4), Utc(2025, 11, 2, 9)));
        Assert.Equal(Utc(2025, 3, 9, 7, 30), NewYorkNight.AddBusinessTime(Utc(2025, 3, 9, 5, 30), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Interval_starting_in_a_repeated_hour_is_open_whenever_the_wall_clock_reads_inside_it()
    {
        var calendar = new BusinessCalendar(
            "ny-small-hours",
            "America/New_York",
            new WeeklySchedule([new WeeklyInterval(DayOfWeek.Sunday, TimeSpan.FromHours(1.5), TimeSpan.FromHours(2.5))]));

        Assert.Equal(TimeSpan.FromHours(1.5), calendar.BusinessTimeBetween(Utc(2025, 11, 2, 0), Utc(2025, 11, 2, 12)));
        Assert.True(calendar.IsOpen(Utc(2025, 11, 2, 5, 45)));
        Assert.False(calendar.IsOpen(Utc(2025, 11, 2, 6, 15)));
        Assert.True(calendar.IsOpen(Utc(2025, 11, 2, 6, 45)));
        Assert.Equal(TimeSpan.FromHours(0.5), calendar.BusinessTimeBetween(Utc(2025, 3, 9, 0), Utc(2025, 3, 9, 12)));
        Assert.Equal(Utc(2025, 11, 2, 7), calendar.AddBusinessTime(Utc(2025, 11, 2, 0), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Always_open_counts_elapsed_time()
    {
        var start = Utc(2025, 3, 29, 22);
        var always = BusinessCalendar.AlwaysOpen;

        Assert.True(always.IsOpen(start));
        Assert.Equal(start.AddDays(9), always.AddBusinessTime(start, TimeSpan.FromDays(9)));
        Assert.Equal(TimeSpan.FromDays(9), always.BusinessTimeBetween(start, start.AddDays(9)));
    }

    [Fact]
    public void Zone_open_around_the_clock_counts_a_short_spring_day_as_23_hours()
    {
        var calendar = new BusinessCalendar("berlin-24x7", "Europe/Berlin", WeeklySchedule.AllDay, [new DateOnly(2025, 3, 31)]);

        Assert.Equal(TimeSpan.FromHours(23), calendar.BusinessTimeBetween(Local(calendar, 2025, 3, 30, 0), Local(calendar, 2025, 3, 31, 0)));
    }

    [Fact]
    public void Long_durations_span_years_of_business_days()
    {
        var start = Local(Berlin, 2025, 1, 6, 9);
        var duration = TimeSpan.FromHours(8 * 600);

        var end = Berlin.AddBusinessTime(start, duration);

        Assert.Equal(duration, Berlin.BusinessTimeBetween(start, end));
        Assert.InRange(end, start.AddDays(830), start.AddDays(850));
    }

    [Fact]
    public void Split_shifts_and_overlapping_intervals_are_merged_per_day()
    {
        var schedule = new WeeklySchedule(
        [
            new WeeklyInterval(DayOfWeek.Monday, TimeSpan.FromHours(13), TimeSpan.FromHours(17)),
            new WeeklyInterval(DayOfWeek.Monday, TimeSpan.FromHours(9), TimeSpan.FromHours(12)),
            new WeeklyInterval(DayOfWeek.Monday, TimeSpan.FromHours(11), TimeSpan.FromHours(12)),
        ]);
        var calendar = new BusinessCalendar("split", "Europe/Berlin", schedule);

        Assert.Equal(2, schedule.IntervalsOn(DayOfWeek.Monday).Count);
        Assert.Equal(TimeSpan.FromHours(7), schedule.WeeklyTotal);
        Assert.False(calendar.IsOpen(Local(calendar, 2025, 6, 2, 12, 30)));
        Assert.Equal(Local(calendar, 2025, 6, 2, 14), calendar.AddBusinessTime(Local(calendar, 2025, 6, 2, 11), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Invalid_schedules_and_unknown_zones_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new WeeklySchedule([new WeeklyInterval(DayOfWeek.Monday, TimeSpan.FromHours(17), TimeSpan.FromHours(9))]));
        Assert.Throws<ArgumentException>(() => new WeeklySchedule([new WeeklyInterval(DayOfWeek.Monday, TimeSpan.Zero, TimeSpan.FromHours(25))]));
        Assert.Throws<ArgumentException>(() => new BusinessCalendar("none", "Europe/Berlin", new WeeklySchedule([])));
        Assert.Throws<TimeZoneNotFoundException>(() => new BusinessCalendar("x", "Nowhere/Atlantis", WeeklySchedule.AllDay));
    }
}
