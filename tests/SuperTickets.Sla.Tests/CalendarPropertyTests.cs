using FsCheck;
using FsCheck.Fluent;

namespace SuperTickets.Sla.Tests;

public sealed class CalendarPropertyTests
{
    private static readonly DateTimeOffset Origin = Calendars.Utc(2024, 1, 1, 0);

    private static readonly BusinessCalendar[] All =
    [
        Calendars.Berlin, Calendars.NewYork, Calendars.BerlinNight, Calendars.NewYorkNight, BusinessCalendar.AlwaysOpen,
        new("ny-split", "America/New_York", new WeeklySchedule(
            Enum.GetValues<DayOfWeek>().Where(d => d != DayOfWeek.Sunday).SelectMany(d => new[]
            {
                new WeeklyInterval(d, TimeSpan.FromHours(1.5), TimeSpan.FromHours(2.5)),
                new WeeklyInterval(d, TimeSpan.FromHours(8), TimeSpan.FromHours(12)),
                new WeeklyInterval(d, TimeSpan.FromHours(13), TimeSpan.FromHours(24)),
            }))),
    ];

    /// <summary>Daylight-saving changes of Berlin and New York, 2024-2026.</summary>
    private static readonly DateTimeOffset[] Transitions =
    [
        Calendars.Utc(2024, 3, 31, 1), Calendars.Utc(2024, 10, 27, 1), Calendars.Utc(2025, 3, 30, 1), Calendars.Utc(2025, 10, 26, 1),
        Calendars.Utc(2026, 3, 29, 1), Calendars.Utc(2026, 10, 25, 1), Calendars.Utc(2024, 3, 10, 7), Calendars.Utc(2024, 11, 3, 6),
        Calendars.Utc(2025, 3, 9, 7), Calendars.Utc(2025, 11, 2, 6), Calendars.Utc(2026, 3, 8, 7), Calendars.Utc(2026, 11, 1, 6),
    ];

    private static readonly Gen<BusinessCalendar> AnyCalendar = Gen.Elements(All);

    private static readonly Gen<DateTimeOffset> AnyInstant =
        Gen.Choose(0, 3 * 365 * 24 * 60).Select(m => Origin.AddMinutes(m).AddSeconds(m % 7 * 9));

    private static readonly Gen<DateTimeOffset> NearTransition =
        from t in Gen.Elements(Transitions)
        from minutes in Gen.Choose(-4 * 24 * 60, 4 * 24 * 60)
        select t.AddMinutes(minutes);

    private static readonly Gen<DateTimeOffset> Instant = Gen.OneOf(AnyInstant, NearTransition);

    private static readonly Gen<TimeSpan> Duration =
        Gen.OneOf(Gen.Choose(0, 24 * 60), Gen.Choose(0, 60 * 24 * 60)).Select(m => TimeSpan.FromMinutes(m));

    [Fact]
    public void Adding_business_time_then_measuring_it_round_trips()
    {
        Run(Prop.ForAll((from c in AnyCalendar from s in Instant from d in Duration select (c, s, d)).ToArbitrary(),
            x => x.c.BusinessTimeBetween(x.s, x.c.AddBusinessTime(x.s, x.d)) == x.d));
    }

    [Fact]
    public void Adding_is_monotonic_in_the_duration()
    {
        Run(Prop.ForAll((from c in AnyCalendar from s in Instant from a in Duration from b in Duration select (c, s, a, b)).ToArbitrary(),
            x => Math.Sign(x.a.CompareTo(x.b)) == Math.Sign(x.c.AddBusinessTime(x.s, x.a).CompareTo(x.c.AddBusinessTime(x.s, x.b)))));
    }

    [Fact]
    public void Adding_in_two_steps_equals_adding_the_sum()
    {
        Run(Prop.ForAll((from c in AnyCalendar from s in Instant from a in Duration from b in Duration select (c, s, a, b)).ToArbitrary(),
            x => x.a == TimeSpan.Zero
                || x.c.AddBusinessTime(x.c.AddBusinessTime(x.s, x.a), x.b) == x.c.AddBusinessTime(x.s, x.a + x.b)));
    }

    [Fact]
    public void Result_lies_in_open_time_or_at_the_end_of_an_open_interval()
    {
        Run(Prop.ForAll((from c in AnyCalendar from s in Instant from d in Duration select (c, s, d)).ToArbitrary(), x =>
        {
            var end = x.c.AddBusinessTime(x.s, x.d);
            return x.d == TimeSpan.Zero ? end == x.s : x.c.IsOpen(end.AddTicks(-1)) && end > x.s;
        }));
    }

    [Fact]
    public void Next_open_is_open_and_skips_no_business_time()
    {
        Run(Prop.ForAll((from c in AnyCalendar from s in Instant select (c, s)).ToArbitrary(), x =>
        {
            var next = x.c.NextOpen(x.s);
            return x.c.IsOpen(next) && next >= x.s && x.c.BusinessTimeBetween(x.s, next) == TimeSpan.Zero;
        }));
    }

    [Fact]
    public void Business_time_matches_a_minute_by_minute_wall_clock_count_across_daylight_saving_changes()
    {
        var gen = from c in AnyCalendar
                  from t in Gen.Elements(Transitions)
                  from before in Gen.Choose(0, 30 * 60)
                  from minutes in Gen.Choose(0, 40 * 60)
                  select (c, s: t.AddMinutes(-before), minutes);
        Run(Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var open = 0;
            for (var m = 0; m < x.minutes; m++)
            {
                var instant = x.s.AddMinutes(m);
                var isOpen = OpenByWallClock(x.c, instant);
                open += isOpen ? 1 : 0;
                if (isOpen != x.c.IsOpen(instant))
                {
                    return false;
                }
            }

            return x.c.BusinessTimeBetween(x.s, x.s.AddMinutes(x.minutes)) == TimeSpan.FromMinutes(open);
        }), maxTest: 100);
    }

    [Fact]
    public void Office_day_without_a_change_at_office_hours_is_eight_hours_in_berlin_and_new_york()
    {
        var gen = from c in Gen.Elements(Calendars.Berlin, Calendars.NewYork)
                  from day in Gen.Choose(0, 3 * 365)
                  select (c, date: new DateOnly(2024, 1, 1).AddDays(day));
        Run(Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var from = Calendars.Local(x.c, x.date.Year, x.date.Month, x.date.Day, 0);
            var next = x.date.AddDays(1);
            var to = Calendars.Local(x.c, next.Year, next.Month, next.Day, 0);
            var workday = x.date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !x.c.Holidays.Contains(x.date);
            return x.c.BusinessTimeBetween(from, to) == (workday ? TimeSpan.FromHours(8) : TimeSpan.Zero);
        }));
    }

    private static bool OpenByWallClock(BusinessCalendar calendar, DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, calendar.TimeZone).DateTime;
        var date = DateOnly.FromDateTime(local);
        return !calendar.Holidays.Contains(date)
            && calendar.Schedule.IntervalsOn(local.DayOfWeek).Any(i => local.TimeOfDay >= i.Start && local.TimeOfDay < i.End);
    }

    private static void Run(Property property, int maxTest = 300) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTest), property);
}
