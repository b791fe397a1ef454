using SuperTickets.Triage.Classification;

namespace SuperTickets.Triage.Data;

/// <summary>Collects rows, skipping (with a warning) those with an empty text or label.</summary>
internal sealed class DatasetBuilder
{
    private readonly List<LabeledText> _items = [];
    private readonly List<string> _warnings = [];

    public void Add(string where, string? text, string? label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            _warnings.Add($"{where}: empty text, row skipped");
            return;
        }
        if (string.IsNullOrWhiteSpace(label))
        {
            _warnings.Add($"{where}: empty label, row skipped");
            return;
        }
        _items.Add(new LabeledText(text.Trim(), label.Trim()));
    }

    public Dataset Build() => new(_items.ToArray(), _warnings.ToArray());
}
