namespace SuperTickets.Pipeline.Sla;

/// <summary>Escalation actions taken when an SLA threshold fires; each is off until configured.</summary>
public sealed class SlaEscalationOptions
{
    /// <summary>Raise the priority one level when the first-response target is at risk or breached.</summary>
    public bool BumpPriority { get; set; } = true;

    /// <summary>Email of the agent who takes over breached tickets; unset means no reassignment.</summary>
    public string? LeadAgentEmail { get; set; }

    /// <summary>Where escalation emails go; unset means no email.</summary>
    public string? NotifyAddress { get; set; }

    /// <summary>Slack/Teams-compatible incoming webhooks that get <c>{"text": "..."}</c> per threshold.</summary>
    public string[] WebhookUrls { get; set; } = [];

    /// <summary>Time allowed for one webhook POST.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after a failed POST (5xx, 408, 429, timeouts, connection errors).</summary>
    public int WebhookRetries { get; set; } = 4;

    /// <summary>Base delay of the jittered exponential backoff between webhook retries.</summary>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
