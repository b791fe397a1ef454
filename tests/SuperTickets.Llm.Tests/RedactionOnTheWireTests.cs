using SuperTickets.Llm.Tests.Fakes;

namespace SuperTickets.Llm.Tests;

public sealed class RedactionOnTheWireTests
{
    private static readonly string[] PersonalData = ["jane.doe@example.com", "7946 0958", "4111 1111 1111 1111", "DE89 3704"];

    [Fact]
    public async Task Personal_data_is_redacted_before_the_request_leaves_the_process()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, OpenAiWire.Completion(OpenAiWire.Answer("billing", "high", "Double charge.")));
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server, ("Llm:RedactPii", "true")));

        await host.Refiner.RefineAsync(Samples.Subject, Samples.Body, Samples.Unsure(), CancellationToken.None);

        var body = Assert.Single(server.Requests).Body;
        Assert.All(PersonalData, value => Assert.DoesNotContain(value, body, StringComparison.Ordinal));
        Assert.All(["[email]", "[phone]", "[card]", "[iban]", "Order 48213", "2026-03-14"], value => Assert.Contains(value, body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_redaction_the_text_goes_out_as_written()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, OpenAiWire.Completion(OpenAiWire.Answer("billing", "high", "Double charge.")));
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server, ("Llm:RedactPii", "false")));

        await host.Refiner.RefineAsync(Samples.Subject, Samples.Body, Samples.Unsure(), CancellationToken.None);

        var body = Assert.Single(server.Requests).Body;
        Assert.All(PersonalData, value => Assert.Contains(value, body, StringComparison.Ordinal));
    }
}
