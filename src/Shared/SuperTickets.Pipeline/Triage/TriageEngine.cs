using Microsoft.Extensions.Options;
using SuperTickets.Llm.Refinement;
using SuperTickets.Triage;
using SuperTickets.Triage.Classification;

namespace SuperTickets.Pipeline.Triage;

/// <summary>
/// The triage analyzer in use: the built-in support model, or the operator's model file when configured; plus the
/// optional language model refinement, present only when a language model is configured (see <c>Llm:Provider</c>).
/// </summary>
public sealed class TriageEngine(IOptions<TriageOptions> options, TriageRefiner? refiner = null)
{
    private readonly Lazy<TriageAnalyzer> _analyzer = new(() => Create(options.Value));

    public TriageResult Analyze(TriageInput input) => _analyzer.Value.Analyze(input);

    /// <summary>A language model is configured and the local result is unsure enough to ask it.</summary>
    public bool WantsRefinement(TriageResult local) => refiner is not null && refiner.ShouldRefine(local);

    /// <summary>Questions to the language model in flight at once.</summary>
    public int RefinementConcurrency => refiner?.MaxConcurrency ?? 1;

    /// <summary>
    /// Asks the language model about an unsure result. An accepted answer sets the category and may raise the
    /// priority (the local rules, e.g. VIP or outage wording, are never lowered); a fallback keeps the local result.
    /// </summary>
    public async Task<(TriageResult Result, TriageRefinementOutcome Outcome)> RefineAsync(string subject, string body, TriageResult local, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(local);
        var language = refiner ?? throw new InvalidOperationException("No language model is configured (Llm:Provider is None).");
        var outcome = await language.RefineAsync(subject, body, local, ct);
        if (outcome.Refinement is not { } refinement)
        {
            return (local, outcome);
        }
        var priority = refinement.Priority > local.Priority ? refinement.Priority : local.Priority;
        var reasons = priority == local.Priority
            ? local.PriorityReasons
            : [.. local.PriorityReasons, $"language model: {priority.ToString().ToLowerInvariant()}"];
        return (local with { Category = refinement.Category, CategoryUnsure = false, Priority = priority, PriorityReasons = reasons }, outcome);
    }

    private static TriageAnalyzer Create(TriageOptions options)
    {
        if (options.CategoryModelPath is not { Length: > 0 } path)
        {
            return DefaultSupportModel.Create();
        }
        using var stream = File.OpenRead(path);
        return new TriageAnalyzer(TextClassifier.Load(stream));
    }
}
