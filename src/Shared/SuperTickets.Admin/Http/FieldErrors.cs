using Microsoft.AspNetCore.Http;

namespace SuperTickets.Admin.Http;

/// <summary>Collects field-level validation messages and turns them into a 400 validation problem.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    /// <summary>Adds <paramref name="message"/> when <paramref name="failed"/> is true.</summary>
    public FieldErrors When(bool failed, string field, string message) => failed ? Add(field, message) : this;

    public FieldErrors OneOf(string? value, string field, IReadOnlyCollection<string> allowed) =>
        When(value is not null && !allowed.Contains(value), field, $"must be one of: {string.Join(", ", allowed)}.");

    public FieldErrors Length(string? value, string field, int max, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return When(required, field, "is required.");
        }
        return When(value.Length > max, field, $"must be at most {max} characters.");
    }

    public IResult ToResult() => Results.ValidationProblem(
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), title: "One or more fields are invalid.");
}
