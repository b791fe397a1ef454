using System.Text.Json;
using SuperTickets.Triage;

namespace SuperTickets.Llm.Refinement;

/// <summary>The JSON schema of the triage answer and its strict validation.</summary>
internal static class RefinementAnswer
{
    public const int MaxReasonChars = 500;

    public static readonly IReadOnlyList<string> Categories =
        ["billing", "technical", "account_access", "shipping", "refunds", "feature_request", "bug_report", "complaint", "general"];

    public static readonly IReadOnlyList<string> Priorities = ["low", "normal", "high", "urgent"];

    public static readonly JsonElement Schema = JsonSerializer.SerializeToElement(new Dictionary<string, object>
    {
        ["type"] = "object",
        ["properties"] = new Dictionary<string, object>
        {
            ["category"] = new Dictionary<string, object> { ["type"] = "string", ["enum"] = Categories },
            ["priority"] = new Dictionary<string, object> { ["type"] = "string", ["enum"] = Priorities },
            ["reason"] = new Dictionary<string, object> { ["type"] = "string" },
        },
        ["required"] = new[] { "category", "priority", "reason" },
        ["additionalProperties"] = false,
    });

    /// <summary>Parses <paramref name="text"/>; returns the refinement, or null with a content-free reason.</summary>
    public static (TriageRefinement? Refinement, string? Error) Parse(string? text)
    {
        var json = StripCodeFence(text ?? "");
        if (json.Length == 0) return (null, "empty answer");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return (null, "answer is not valid JSON");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, "answer is not a JSON object");
            string? category = null, priority = null, reason = null;
            foreach (var property in root.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String) return (null, $"'{Known(property.Name)}' is not a string");
                switch (property.Name)
                {
                    case "category" when category is null: category = property.Value.GetString(); break;
                    case "priority" when priority is null: priority = property.Value.GetString(); break;
                    case "reason" when reason is null: reason = property.Value.GetString(); break;
                    default: return (null, $"unexpected or repeated property '{Known(property.Name)}'");
                }
            }
            if (category is null || priority is null || reason is null) return (null, "a required property is missing");
            if (!Categories.Contains(category)) return (null, "category is not one of the known categories");
            var level = Priorities.ToList().IndexOf(priority);
            if (level < 0) return (null, "priority is not one of low, normal, high, urgent");
            reason = reason.Trim();
            if (reason.Length is 0 or > MaxReasonChars) return (null, $"reason is empty or longer than {MaxReasonChars} characters");
            return (new TriageRefinement(category, (Priority)level, reason), null);
        }
    }

    private static string Known(string name) => name is "category" or "priority" or "reason" ? name : "other";

    private static string StripCodeFence(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal) || !trimmed.EndsWith("```", StringComparison.Ordinal) || trimmed.Length < 6)
        {
            return trimmed;
        }
        var firstLineEnd = trimmed.IndexOf('\n');
        return firstLineEnd < 0 ? "" : trimmed[(firstLineEnd + 1)..^3].Trim();
    }
}
