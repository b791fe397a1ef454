using Microsoft.Extensions.Options;
using SuperTickets.Pipeline.Ingest.Gmail;

namespace SuperTickets.Pipeline.Respond.Gmail;

/// <summary>Checks <c>Respond:Gmail</c> and names the exact key that is missing or wrong.</summary>
internal sealed class GmailSendOptionsValidator : IValidateOptions<GmailSendOptions>
{
    public ValidateOptionsResult Validate(string? name, GmailSendOptions options)
    {
        var errors = GmailAccountValidation.Check(options, GmailSendOptions.Section).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
