using Microsoft.Extensions.Options;
using SuperTickets.Pipeline.GoogleApi;

namespace SuperTickets.Pipeline.Respond.Gmail;

/// <summary>Checks <c>Respond:Gmail</c> and names the exact key that is missing or wrong.</summary>
internal sealed class GmailSendOptionsValidator : IValidateOptions<GmailSendOptions>
{
    public ValidateOptionsResult Validate(string? name, GmailSendOptions options)
    {
        var errors = GoogleAccountValidation.Check(options, GmailSendOptions.Section, requireUser: true).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
