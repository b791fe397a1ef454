using Microsoft.Extensions.Options;

namespace SuperTickets.Llm;

/// <summary>Checks <see cref="LlmOptions"/> at start-up; every failure names the configuration key to fix.</summary>
public sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    private const string S = LlmOptions.Section;

    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Provider == LlmProvider.None)
        {
            return ValidateOptionsResult.Success;
        }
        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add($"{S}:Model is required when {S}:Provider is {options.Provider}.");
        }
        if (options.Endpoint is { Length: > 0 } endpoint && !IsHttpUri(endpoint))
        {
            failures.Add($"{S}:Endpoint must be an absolute http(s) URL.");
        }
        if (options.Provider == LlmProvider.Bedrock && string.IsNullOrWhiteSpace(options.Region))
        {
            failures.Add($"{S}:Region is required when {S}:Provider is Bedrock.");
        }
        if (options.Provider == LlmProvider.OpenAI && string.IsNullOrEmpty(options.Endpoint) && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add($"{S}:ApiKey is required when {S}:Provider is OpenAI and {S}:Endpoint is not set.");
        }
        CheckLimits(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckLimits(LlmOptions o, List<string> failures)
    {
        if (o.Timeout < TimeSpan.FromMilliseconds(10) || o.Timeout > TimeSpan.FromMinutes(10))
            failures.Add($"{S}:Timeout must be between 00:00:00.010 and 00:10:00.");
        if (o.MaxRetries is < 0 or > 10)
            failures.Add($"{S}:MaxRetries must be between 0 and 10.");
        if (o.RetryBaseDelay < TimeSpan.Zero || o.RetryBaseDelay > TimeSpan.FromMinutes(1))
            failures.Add($"{S}:RetryBaseDelay must be between 00:00:00 and 00:01:00.");
        if (o.InputCostPer1kTokens < 0)
            failures.Add($"{S}:InputCostPer1kTokens must not be negative.");
        if (o.OutputCostPer1kTokens < 0)
            failures.Add($"{S}:OutputCostPer1kTokens must not be negative.");
        if (o.RefineBelowConfidence is < 0 or > 1)
            failures.Add($"{S}:RefineBelowConfidence must be between 0 and 1.");
        if (o.MaxInputChars < 100)
            failures.Add($"{S}:MaxInputChars must be at least 100.");
        if (o.MaxOutputTokens < 16)
            failures.Add($"{S}:MaxOutputTokens must be at least 16.");
        if (o.MaxConcurrency is < 1 or > 64)
            failures.Add($"{S}:MaxConcurrency must be between 1 and 64.");
        var cb = o.CircuitBreaker;
        if (cb.FailureRatio is <= 0 or > 1)
            failures.Add($"{S}:CircuitBreaker:FailureRatio must be greater than 0 and at most 1.");
        if (cb.MinimumThroughput < 2)
            failures.Add($"{S}:CircuitBreaker:MinimumThroughput must be at least 2.");
        if (cb.SamplingDuration < TimeSpan.FromMilliseconds(500))
            failures.Add($"{S}:CircuitBreaker:SamplingDuration must be at least 00:00:00.500.");
        if (cb.BreakDuration < TimeSpan.FromMilliseconds(500))
            failures.Add($"{S}:CircuitBreaker:BreakDuration must be at least 00:00:00.500.");
    }

    private static bool IsHttpUri(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
