namespace SuperTickets.Triage.Data;

/// <summary>Which fields hold the text and the label, and which splits of a split-keyed JSON file to read.</summary>
public sealed record DatasetReadOptions
{
    public string TextColumn { get; init; } = "text";

    public string LabelColumn { get; init; } = "label";

    /// <summary>Splits to read from a JSON object of split name → [[text, label], ...]; null reads every split.</summary>
    public IReadOnlyList<string>? Splits { get; init; }
}
