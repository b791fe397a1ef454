using Microsoft.Extensions.Options;

namespace SuperTickets.Pipeline.Ingest.Imap;

/// <summary>Checks every configured mailbox and names the exact key that is missing or wrong.</summary>
internal sealed class ImapIngestOptionsValidator : IValidateOptions<ImapIngestOptions>
{
    public ValidateOptionsResult Validate(string? name, ImapIngestOptions options)
    {
        var errors = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Mailboxes.Count; i++)
        {
            var m = options.Mailboxes[i];
            var key = $"{ImapIngestOptions.Section}:Mailboxes:{i}";
            Require(string.IsNullOrWhiteSpace(m.Id), $"{key}:Id is required.");
            Require(m.Id is not null && !ids.Add(m.Id), $"{key}:Id '{m.Id}' is used twice.");
            Require(string.IsNullOrWhiteSpace(m.Host), $"{key}:Host is required.");
            Require(m.Port is < 1 or > 65535, $"{key}:Port must be between 1 and 65535.");
            Require(string.IsNullOrWhiteSpace(m.Username), $"{key}:Username is required.");
            Require(string.IsNullOrEmpty(m.Password) == string.IsNullOrEmpty(m.AccessToken), $"{key}: give exactly one of Password and AccessToken.");
            Require(string.IsNullOrWhiteSpace(m.Folder), $"{key}:Folder must not be empty.");
            Require(m.PollInterval <= TimeSpan.Zero || m.PollInterval > TimeSpan.FromMinutes(25), $"{key}:PollInterval must be positive and at most 25 minutes (IDLE must be renewed before 29).");
            Require(m.BatchSize is < 1 or > 1000, $"{key}:BatchSize must be between 1 and 1000.");
            Require(m.Timeout <= TimeSpan.Zero, $"{key}:Timeout must be positive.");
            Require(m.CertificateSha256 is { Length: > 0 } pin && (pin.Length != 64 || !pin.All(Uri.IsHexDigit)), $"{key}:CertificateSha256 must be 64 hex digits.");
        }

        Require(options.InitialBackoff <= TimeSpan.Zero || options.MaxBackoff < options.InitialBackoff, $"{ImapIngestOptions.Section}: InitialBackoff must be positive and not above MaxBackoff.");
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
