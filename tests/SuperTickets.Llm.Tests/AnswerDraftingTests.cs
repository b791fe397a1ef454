using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SuperTickets.Llm.Answers;
using SuperTickets.Llm.Refinement;
using SuperTickets.Llm.Tests.Fakes;
using SuperTickets.Pipeline.Resolve;

namespace SuperTickets.Llm.Tests;

/// <summary>Resolve's batch drafting: bounded parallelism, outcomes by email, and the switch.</summary>
public sealed class AnswerDraftingTests
{
    [Fact]
    public async Task Drafts_of_a_batch_run_in_parallel_up_to_the_configured_limit()
    {
        var drafter = new CountingDrafter(TimeSpan.FromMilliseconds(100));
        var drafting = Create(drafter, enabled: true, maxConcurrency: 2);
        var requests = Enumerable.Range(1, 6).Select(i => ((long)i, Request($"Question {i}"))).ToList();

        var outcomes = await drafting.DraftAsync(requests, CancellationToken.None);

        Assert.Equal(2, drafter.MaxInFlight);
        Assert.Equal(6, drafter.Calls);
        Assert.All(Enumerable.Range(1, 6), i => Assert.Equal($"Answer to Question {i}", outcomes[i].Body));
    }

    [Fact]
    public async Task Switched_off_nothing_is_drafted()
    {
        var drafter = new CountingDrafter(TimeSpan.Zero);
        var drafting = Create(drafter, enabled: false, maxConcurrency: 4);

        var outcomes = await drafting.DraftAsync([(1L, Request("Question"))], CancellationToken.None);

        Assert.False(drafting.IsActive);
        Assert.Empty(outcomes);
        Assert.Equal(0, drafter.Calls);
    }

    [Fact]
    public async Task Without_a_language_model_nothing_is_drafted()
    {
        var drafting = Create(null, enabled: true, maxConcurrency: 4);

        Assert.False(drafting.IsActive);
        Assert.Empty(await drafting.DraftAsync([(1L, Request("Question"))], CancellationToken.None));
    }

    [Fact]
    public async Task Without_a_provider_the_host_registers_no_drafter()
    {
        await using var host = LlmTestHost.Build(new Dictionary<string, string?>());
        await host.Host.StartAsync();

        Assert.Null(host.Host.Services.GetService(typeof(IAnswerDrafter)));
        await host.Host.StopAsync();
    }

    [Fact]
    public async Task Out_of_range_answer_limits_stop_start_up_naming_the_setting()
    {
        await using var server = await FakeLlmServer.StartAsync();
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server, ("Resolve:LlmAnswers:MaxOutputTokens", "10")));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.Host.StartAsync());

        Assert.Contains("MaxOutputTokens", error.Message, StringComparison.Ordinal);
    }

    private static AnswerDraftRequest Request(string subject) => new(subject, "text", "en", Samples.Article);

    private static AnswerDrafting Create(IAnswerDrafter? drafter, bool enabled, int maxConcurrency) => new(
        Options.Create(new LlmAnswerOptions { Enabled = enabled }),
        Options.Create(new LlmOptions { MaxConcurrency = maxConcurrency }),
        NullLogger<AnswerDrafting>.Instance,
        drafter);

    private sealed class CountingDrafter(TimeSpan delay) : IAnswerDrafter
    {
        private int _inFlight;
        private int _maxInFlight;
        private int _calls;

        public int MaxInFlight => _maxInFlight;

        public int Calls => _calls;

        public async Task<AnswerDraftOutcome> DraftAsync(AnswerDraftRequest request, CancellationToken ct)
        {
            Interlocked.Increment(ref _calls);
            var now = Interlocked.Increment(ref _inFlight);
            int seen;
            while ((seen = _maxInFlight) < now && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
            {
            }
            await Task.Delay(delay, ct);
            Interlocked.Decrement(ref _inFlight);
            return new AnswerDraftOutcome(AnswerDraftStatus.Accepted, request.Article.Id, $"Answer to {request.Subject}", [],
                new LlmUsage("fake", "fake", 1, 1, 0m, 0));
        }
    }
}
