namespace SuperTickets.Pipeline.Triage;

public sealed class TriageOptions
{
    public const string Section = "Triage";

    /// <summary>A model trained with <c>supertickets model train</c>; empty uses the built-in support model.</summary>
    public string? CategoryModelPath { get; set; }

    /// <summary>Sender domains whose customers are treated as VIP (priority and smart-inbox boost).</summary>
    public List<string> VipDomains { get; set; } = [];

    /// <summary>Operator keywords that raise a topic alert and boost the smart inbox score.</summary>
    public List<string> AlertKeywords { get; set; } = [];

    public TimeSpan RepeatedContactWindow { get; set; } = TimeSpan.FromDays(7);
}
