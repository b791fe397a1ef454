using System.ComponentModel.DataAnnotations;

namespace SuperTickets.Pipeline.Resolve;

public sealed class ResolveOptions
{
    public const string Section = "Resolve";

    /// <summary>Confidence (0..1) at which one knowledge-base article may answer a request on its own.</summary>
    [Range(0.0, 1.0)]
    public double AutoAnswerThreshold { get; set; } = 0.8;

    /// <summary>Categories whose requests may be answered automatically.</summary>
    public List<string> AutoAnswerCategories { get; set; } =
        ["billing", "refunds", "account_access", "shipping", "technical", "general", "feature_request"];

    /// <summary>Requests above this priority always go to a person.</summary>
    public string AutoAnswerMaxPriority { get; set; } = "normal";

    /// <summary>Requests more negative than this (sentiment −1..1) always go to a person.</summary>
    [Range(-1.0, 1.0)]
    public double AutoAnswerMinSentiment { get; set; } = -0.5;

    /// <summary>
    /// How often assignment re-reads agents and their open-ticket counts (<see cref="AgentRoster"/>); in between, the
    /// process counts its own assignments. Zero reads them for every batch.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RosterRefreshInterval { get; set; } = TimeSpan.FromSeconds(2);
}
