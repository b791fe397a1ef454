using SuperTickets.Triage;

namespace SuperTickets.Llm.Tests.Fakes;

/// <summary>Triage inputs and local results used across tests.</summary>
public static class Samples
{
    public const string Subject = "Charged twice this month";

    public const string Body = """
        Hello, I was charged twice for my subscription. Please call me on +44 20 7946 0958 or write to jane.doe@example.com.
        The card was 4111 1111 1111 1111 and refunds can go to DE89 3704 0044 0532 0130 00. Order 48213 from 2026-03-14.
        """;

    public static TriageResult Unsure(string category = "general", float confidence = 0.31f, Priority priority = Priority.Normal) =>
        new(category, confidence, true, null, 0f, priority, [], -0.2f, "en", 0.9f, [], false);

    public static TriageResult Confident(string category = "billing", float confidence = 0.93f) =>
        new(category, confidence, false, null, 0f, Priority.Normal, [], 0f, "en", 0.9f, [], false);
}
