namespace SuperTickets.Llm;

/// <summary>When to stop calling a failing language model service for a while (section <c>Llm:CircuitBreaker</c>).</summary>
public sealed class LlmCircuitBreakerOptions
{
    /// <summary>Share of failed calls within <see cref="SamplingDuration"/> that opens the circuit (0..1].</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed within <see cref="SamplingDuration"/> before the ratio counts (at least 2).</summary>
    public int MinimumThroughput { get; set; } = 5;

    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the circuit stays open; calls fail fast (and triage falls back to the local model) meanwhile.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
