using System.Net.Mail;
using Microsoft.Extensions.Options;
using SuperTickets.Data;

namespace SuperTickets.Pipeline.Sla;

/// <summary>Checks the <c>Sla</c> section; every failure names the key to fix.</summary>
public sealed class SlaOptionsValidator(IOptions<DatabaseOptions> database) : IValidateOptions<SlaOptions>
{
    public ValidateOptionsResult Validate(string? name, SlaOptions options)
    {
        var failures = new List<string>();
        if (options.SweepInterval <= TimeSpan.Zero)
        {
            failures.Add("Sla:SweepInterval must be positive.");
        }
        if (options.SweepBatchSize is < 1 or > 100_000)
        {
            failures.Add("Sla:SweepBatchSize must be between 1 and 100000.");
        }
        var escalation = options.Escalation;
        if (escalation.LeadAgentEmail is { } lead && !IsAddress(lead))
        {
            failures.Add("Sla:Escalation:LeadAgentEmail must be an email address.");
        }
        if (escalation.NotifyAddress is { } notify && !IsAddress(notify))
        {
            failures.Add("Sla:Escalation:NotifyAddress must be an email address.");
        }
        for (var i = 0; i < escalation.WebhookUrls.Length; i++)
        {
            if (!Uri.TryCreate(escalation.WebhookUrls[i], UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                failures.Add($"Sla:Escalation:WebhookUrls:{i} must be an absolute http or https URL.");
            }
        }
        if (escalation.WebhookTimeout <= TimeSpan.Zero)
        {
            failures.Add("Sla:Escalation:WebhookTimeout must be positive.");
        }
        if (escalation.WebhookRetries is < 0 or > 20)
        {
            failures.Add("Sla:Escalation:WebhookRetries must be between 0 and 20.");
        }
        if (escalation.WebhookRetryDelay < TimeSpan.Zero)
        {
            failures.Add("Sla:Escalation:WebhookRetryDelay must not be negative.");
        }
        if (options.Scheduler.Clustered && database.Value.Provider != DbProvider.Postgres)
        {
            failures.Add("Sla:Scheduler:Clustered needs Database:Provider Postgres (the job store lives there).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsAddress(string value) => MailAddress.TryCreate(value, out var parsed) && parsed.Address == value.Trim();
}
