using System.Reflection;
using SuperTickets.Triage.Classification;
using SuperTickets.Triage.Data;
using SuperTickets.Triage.Text;

namespace SuperTickets.Triage;

/// <summary>
/// The built-in support triage: category and intent classifiers trained (deterministically, once per
/// process) from the sample tickets embedded in this library.
/// </summary>
public static class DefaultSupportModel
{
    private const string ResourceName = "SuperTickets.Triage.support-tickets.csv";
    private static readonly Lazy<TriageAnalyzer> Shared = new(Build);

    /// <summary>Training settings used for both built-in models.</summary>
    public static TrainingOptions Options { get; } = new()
    {
        Seed = 20_260_914,
        LearningRate = 0.5f,
        L2 = 1e-5f,
        Patience = 10,
        MaxEpochs = 60,
        Features = new FeatureOptions { HashBits = 18, MinCharNgram = 2, MaxCharNgram = 5 },
    };

    /// <summary>Returns the shared analyzer, training it on first use.</summary>
    public static TriageAnalyzer Create() => Shared.Value;

    /// <summary>Reads the embedded sample tickets with the given label column (category or intent).</summary>
    public static Dataset ReadSamples(string labelColumn)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing.");
        using var reader = new StreamReader(stream);
        return DatasetReader.ReadCsv(reader, new DatasetReadOptions { TextColumn = "text", LabelColumn = labelColumn });
    }

    /// <summary>The embedded samples as the built-in models are trained on: text passed through <see cref="SupportVocabulary.Annotate"/>.</summary>
    public static IReadOnlyList<LabeledText> TrainingSet(string labelColumn) =>
        ReadSamples(labelColumn).Items.Select(x => x with { Text = SupportVocabulary.Annotate(x.Text) }).ToArray();

    private static TriageAnalyzer Build()
    {
        var category = TextClassifierTrainer.Train(TrainingSet("category"), Options);
        var intent = TextClassifierTrainer.Train(TrainingSet("intent"), Options);
        return new TriageAnalyzer(category, intent);
    }
}
