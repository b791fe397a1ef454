using Microsoft.Extensions.Options;
using SuperTickets.Llm.Tests.Fakes;
using SuperTickets.Pipeline.Triage;
using SuperTickets.Triage;

namespace SuperTickets.Llm.Tests;

public sealed class TriageEngineRefinementTests
{
    private static readonly IOptions<TriageOptions> Defaults = Options.Create(new TriageOptions());

    [Fact]
    public void Without_a_language_model_nothing_is_ever_refined()
    {
        var engine = new TriageEngine(Defaults);

        Assert.False(engine.WantsRefinement(Samples.Unsure(confidence: 0.05f)));
    }

    [Fact]
    public async Task Accepted_answer_sets_the_category_and_raises_the_priority_with_a_reason()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, OpenAiWire.Completion(OpenAiWire.Answer("complaint", "urgent", "Threatens to leave.")));
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server));
        var engine = new TriageEngine(Defaults, host.Refiner);
        var local = Samples.Unsure("general", 0.2f, Priority.Normal) with { PriorityReasons = ["negative sentiment"] };

        Assert.True(engine.WantsRefinement(local));
        var (result, outcome) = await engine.RefineAsync(Samples.Subject, Samples.Body, local, CancellationToken.None);

        Assert.True(outcome.Accepted);
        Assert.Equal(("complaint", false, Priority.Urgent), (result.Category, result.CategoryUnsure, result.Priority));
        Assert.Equal(["negative sentiment", "language model: urgent"], result.PriorityReasons);
        Assert.Equal(local.CategoryConfidence, result.CategoryConfidence);
    }

    [Fact]
    public async Task Accepted_answer_never_lowers_a_priority_the_local_rules_set()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, OpenAiWire.Completion(OpenAiWire.Answer("billing", "low", "Routine invoice question.")));
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server));
        var engine = new TriageEngine(Defaults, host.Refiner);
        var local = Samples.Unsure("general", 0.2f, Priority.High) with { PriorityReasons = ["VIP customer"] };

        var (result, _) = await engine.RefineAsync(Samples.Subject, Samples.Body, local, CancellationToken.None);

        Assert.Equal(("billing", Priority.High), (result.Category, result.Priority));
        Assert.Equal(["VIP customer"], result.PriorityReasons);
    }

    [Fact]
    public async Task Fallback_keeps_the_local_result_unchanged()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, OpenAiWire.Completion("no idea"));
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server));
        var engine = new TriageEngine(Defaults, host.Refiner);
        var local = Samples.Unsure();

        var (result, outcome) = await engine.RefineAsync(Samples.Subject, Samples.Body, local, CancellationToken.None);

        Assert.Same(local, result);
        Assert.Equal("invalid answer: answer is not valid JSON", outcome.FallbackReason);
    }
}
