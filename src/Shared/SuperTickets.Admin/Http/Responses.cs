using Microsoft.AspNetCore.Http;
using SuperTickets.Data.Admin;

namespace SuperTickets.Admin.Http;

/// <summary>The problem responses the CRUD endpoints share.</summary>
internal static class Responses
{
    public static IResult NotFound(string what, string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} not found", detail: $"No {what.ToLowerInvariant()} has id '{id}'.");

    public static IResult Conflict(string title, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    public static IResult Deleted(DeleteOutcome outcome, string what, string id, string usedBy) => outcome switch
    {
        DeleteOutcome.Deleted => Results.NoContent(),
        DeleteOutcome.NotFound => NotFound(what, id),
        _ => Conflict($"{what} in use", $"{what} '{id}' is still used by {usedBy}; change those first."),
    };
}
