namespace SuperTickets.Pipeline.Resolve;

/// <summary>The smart-inbox score of a ticket (higher first) and what it is made of.</summary>
public static class SmartScore
{
    public static (double Score, IReadOnlyDictionary<string, double> Breakdown) Compute(
        string priority, double sentiment, bool isVip, int alerts, int priorContacts, TimeSpan waiting)
    {
        var parts = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["priority"] = priority switch { "urgent" => 80, "high" => 50, "normal" => 25, _ => 10 },
            ["sentiment"] = Math.Round(Math.Max(0, -sentiment) * 15, 2),
            ["customerValue"] = isVip ? 15 : 0,
            ["topicAlerts"] = Math.Min(alerts, 2) * 10,
            ["repeatedContact"] = Math.Min(priorContacts, 3) * 5,
            ["waiting"] = Math.Round(Math.Min(waiting.TotalHours * 2, 20), 2),
        };
        return (Math.Round(parts.Values.Sum(), 2), parts);
    }
}
