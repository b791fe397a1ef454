using System.Globalization;

namespace SuperTickets.Pipeline.Ingest.Gmail;

/// <summary>A Gmail mailbox's checkpoint: <c>history:&lt;historyId&gt;</c>, the history id ingestion has read up to.</summary>
public static class GmailCheckpoint
{
    private const string Prefix = "history:";

    public static string Format(string historyId) => Prefix + historyId;

    public static bool TryParse(string? checkpoint, out string historyId)
    {
        historyId = "";
        if (checkpoint is null || !checkpoint.StartsWith(Prefix, StringComparison.Ordinal) || !ulong.TryParse(checkpoint.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return false;
        }

        historyId = checkpoint[Prefix.Length..];
        return true;
    }
}
