namespace SuperTickets.Llm.Tests.Fakes;

/// <summary>One scripted answer of <see cref="FakeLlmServer"/>.</summary>
public sealed record FakeResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default);
