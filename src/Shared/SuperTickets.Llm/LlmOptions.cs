namespace SuperTickets.Llm;

/// <summary>Settings of the optional language model (section <c>Llm</c>). Off unless <see cref="Provider"/> is set.</summary>
public sealed class LlmOptions
{
    public const string Section = "Llm";

    public LlmProvider Provider { get; set; } = LlmProvider.None;

    /// <summary>Model id: a Bedrock model or inference profile id, or the OpenAI-compatible model name.</summary>
    public string? Model { get; set; }

    /// <summary>
    /// OpenAI-compatible: the API base URL (e.g. <c>http://localhost:11434/v1</c>); empty means OpenAI itself.
    /// Bedrock: overrides <c>https://bedrock-runtime.{Region}.amazonaws.com</c> (VPC endpoints, tests).
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>AWS region of Bedrock, used for the endpoint and the SigV4 signature.</summary>
    public string? Region { get; set; }

    /// <summary>API key of the OpenAI-compatible endpoint. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Time allowed for one attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a throttled (429), failed (5xx) or timed-out attempt.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First retry delay; later ones grow exponentially, with jitter. A server's Retry-After wins when given.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public LlmCircuitBreakerOptions CircuitBreaker { get; set; } = new();

    /// <summary>Replace email addresses, phone, card and IBAN numbers with placeholders before any text leaves the process.</summary>
    public bool RedactPii { get; set; } = true;

    /// <summary>Price of 1,000 input tokens, for the cost recorded per email (any currency, used as given).</summary>
    public decimal InputCostPer1kTokens { get; set; }

    /// <summary>Price of 1,000 output tokens.</summary>
    public decimal OutputCostPer1kTokens { get; set; }

    /// <summary>Triage asks the model when the local category is unsure or its confidence is below this (0..1).</summary>
    public double RefineBelowConfidence { get; set; } = 0.5;

    /// <summary>Body characters sent with a triage question; the rest is cut off.</summary>
    public int MaxInputChars { get; set; } = 4000;

    public int MaxOutputTokens { get; set; } = 300;

    /// <summary>Questions in flight at once from one batch of emails.</summary>
    public int MaxConcurrency { get; set; } = 4;
}
