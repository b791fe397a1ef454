namespace SuperTickets.Llm.Tests.Fakes;

/// <summary>What <see cref="FakeLlmServer"/> received, exactly as it arrived.</summary>
/// <param name="Path">The request target as sent (still percent-encoded).</param>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : "";
}
