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

    private static readonly IReadOnlyList<string> Properties = ["category", "priority", "reason"];

    public static readonly JsonElement Schema = FlatJsonAnswer.Schema(("category", Categories), ("priority", Priorities), ("reason", null));

    /// <summary>Parses <paramref name="text"/>; returns the refinement, or null with a content-free reason.</summary>
    public static (TriageRefinement? Refinement, string? Error) Parse(string? text)
    {
        var (values, error) = FlatJsonAnswer.Read(text, Properties);
        if (values is null) return (null, error);
        var (category, priority, reason) = (values["category"], values["priority"], values["reason"].Trim());
        if (!Categories.Contains(category)) return (null, "category is not one of the known categories");
        var level = Priorities.ToList().IndexOf(priority);
        if (level < 0) return (null, "priority is not one of low, normal, high, urgent");
        if (reason.Length is 0 or > MaxReasonChars) return (null, $"reason is empty or longer than {MaxReasonChars} characters");
        return (new TriageRefinement(category, (Priority)level, reason), null);
    }
}
