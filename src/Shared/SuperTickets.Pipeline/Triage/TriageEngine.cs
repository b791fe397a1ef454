using Microsoft.Extensions.Options;
using SuperTickets.Triage;
using SuperTickets.Triage.Classification;

namespace SuperTickets.Pipeline.Triage;

/// <summary>The triage analyzer in use: the built-in support model, or the operator's model file when configured.</summary>
public sealed class TriageEngine(IOptions<TriageOptions> options)
{
    private readonly Lazy<TriageAnalyzer> _analyzer = new(() => Create(options.Value));

    public TriageResult Analyze(TriageInput input) => _analyzer.Value.Analyze(input);

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
