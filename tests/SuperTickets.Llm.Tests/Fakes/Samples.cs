using SuperTickets.Knowledge;
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

    /// <summary>An article with the contact details and numbers a draft may repeat (and nothing else).</summary>
    public static readonly KbArticle Article = new(
        "charged-twice",
        "Charged twice for one period",
        """
        If two paid invoices cover the same period, write to support@nimbus.example with both invoice numbers (they start with NC-).
        We refund the duplicate to the original payment method within two business days of confirming it.
        Business customers can also call +44 20 7946 0000, Monday-Friday 9:00-18:00.
        The Plus plan costs €9.99 per month, and 100% of the duplicate charge is refunded.
        Your invoices are listed at app.nimbus.example/billing.
        """,
        "billing", ["refund", "invoice"], "en", new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>A draft that says only what <see cref="Article"/> and <see cref="Body"/> say, in other words.</summary>
    public const string FaithfulDraft = """
        Sorry about the double charge on order 48213. Please send both invoice numbers (they begin with NC-) to support@nimbus.example.
        Once we have confirmed the duplicate, it goes back to your original payment method within 2 business days, 100% of it.
        You can see your invoices at https://app.nimbus.example/billing. On the Business plan you can also phone +44 20 7946 0000
        between 09:00 and 18:00, Monday to Friday.
        """;

    public static TriageResult Unsure(string category = "general", float confidence = 0.31f, Priority priority = Priority.Normal) =>
        new(category, confidence, true, null, 0f, priority, [], -0.2f, "en", 0.9f, [], false);

    public static TriageResult Confident(string category = "billing", float confidence = 0.93f) =>
        new(category, confidence, false, null, 0f, Priority.Normal, [], 0f, "en", 0.9f, [], false);
}
