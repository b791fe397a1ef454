using SuperTickets.Admin.Http;
using SuperTickets.Admin.Tickets;
using SuperTickets.Data;

namespace SuperTickets.Admin.Sla;

/// <summary>An SLA policy as created or replaced through the API (times in minutes).</summary>
public sealed record SlaPolicyInput(
    string? Id,
    string? Name,
    string? Priority,
    string? Category = null,
    string? CustomerTier = null,
    int? FirstResponseMinutes = null,
    int? ResolutionMinutes = null,
    double? WarningFraction = null,
    bool? UseBusinessHours = null,
    string? CalendarId = null,
    bool? Enabled = null)
{
    private const int MaxMinutes = 10 * 365 * 24 * 60;

    public FieldErrors Validate(string id) => new FieldErrors()
        .When(!Ids.IsValid(id), "id", Ids.Rule)
        .Length(Name, "name", 200, required: true)
        .When(Priority is null, "priority", "is required.")
        .OneOf(Priority, "priority", TicketPatch.Priorities)
        .Length(Category, "category", 100)
        .Length(CustomerTier, "customerTier", 50)
        .When(FirstResponseMinutes is null or < 1 or > MaxMinutes, "firstResponseMinutes", $"is required, between 1 and {MaxMinutes}.")
        .When(ResolutionMinutes is null or < 1 or > MaxMinutes, "resolutionMinutes", $"is required, between 1 and {MaxMinutes}.")
        .When(ResolutionMinutes < FirstResponseMinutes, "resolutionMinutes", "must not be shorter than firstResponseMinutes.")
        .When(WarningFraction is <= 0 or >= 1, "warningFraction", "must be between 0 and 1 (exclusive).")
        .When(CalendarId is not null && !Ids.IsValid(CalendarId), "calendarId", Ids.Rule);

    public SlaPolicyRecord ToRecord(string id, DateTimeOffset now) => new()
    {
        Id = id,
        Name = Name!.Trim(),
        Priority = Priority!,
        Category = string.IsNullOrWhiteSpace(Category) ? null : Category,
        CustomerTier = string.IsNullOrWhiteSpace(CustomerTier) ? null : CustomerTier,
        FirstResponseMinutes = FirstResponseMinutes!.Value,
        ResolutionMinutes = ResolutionMinutes!.Value,
        WarningFraction = WarningFraction ?? 0.8,
        UseBusinessHours = UseBusinessHours ?? false,
        CalendarId = CalendarId,
        Enabled = Enabled ?? true,
        UpdatedAt = now,
    };
}
