using System.Text.Json;
using SuperTickets.Admin.Http;
using SuperTickets.Data.Admin;

namespace SuperTickets.Admin.Sla;

public sealed record CalendarView(string Id, string TimeZone, JsonElement? WeeklyHours, JsonElement? Holidays, DateTimeOffset UpdatedAt)
{
    public static CalendarView From(SlaCalendarRecord r) => new(r.Id, r.TimeZone, JsonText.Parse(r.WeeklyHoursJson), JsonText.Parse(r.HolidaysJson), r.UpdatedAt);
}
