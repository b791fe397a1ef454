using Microsoft.Extensions.Options;
using SuperTickets.Pipeline.GoogleApi;

namespace SuperTickets.Pipeline.Ingest.Gmail;

/// <summary>Checks every configured Gmail mailbox and names the exact key that is missing or wrong.</summary>
internal sealed class GmailIngestOptionsValidator : IValidateOptions<GmailIngestOptions>
{
    public ValidateOptionsResult Validate(string? name, GmailIngestOptions options)
    {
        var errors = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Mailboxes.Count; i++)
        {
            var m = options.Mailboxes[i];
            var key = $"{GmailIngestOptions.Section}:Mailboxes:{i}";
            Require(string.IsNullOrWhiteSpace(m.Id), $"{key}:Id is required.");
            Require(m.Id is not null && !ids.Add(m.Id), $"{key}:Id '{m.Id}' is used twice.");
            errors.AddRange(GoogleAccountValidation.Check(m, key, requireUser: true));
            Require(m.PollInterval <= TimeSpan.Zero, $"{key}:PollInterval must be positive.");
            Require(m.BatchSize is < 1 or > 500, $"{key}:BatchSize must be between 1 and 500.");
            Require(m.FetchConcurrency is < 1 or > 32, $"{key}:FetchConcurrency must be between 1 and 32.");
        }

        Require(options.InitialBackoff <= TimeSpan.Zero || options.MaxBackoff < options.InitialBackoff, $"{GmailIngestOptions.Section}: InitialBackoff must be positive and not above MaxBackoff.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);

        void Require(bool failed, string message)
        {
            if (failed)
            {
                errors.Add(message);
            }
        }
    }
}
