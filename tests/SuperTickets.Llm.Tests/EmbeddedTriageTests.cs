using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;
using SuperTickets.Llm.Tests.Fakes;

namespace SuperTickets.Llm.Tests;

/// <summary>The one-command run over samples/ with a language model configured: only unsure emails are asked, and every question is logged.</summary>
public sealed partial class EmbeddedTriageTests : IAsyncLifetime
{
    private const double Threshold = 0.8;
    private EmbeddedLlmRun _run = null!;

    private FakeLlmServer Server => _run.Server;

    public async Task InitializeAsync() => _run = await EmbeddedLlmRun.StartAsync();

    public async Task DisposeAsync() => await _run.DisposeAsync();

    [Fact]
    public async Task Unsure_emails_are_refined_and_the_log_records_provider_tokens_cost_and_latency()
    {
        Server.Otherwise(200, OpenAiWire.Completion(OpenAiWire.Answer("complaint", "urgent", "Customer is upset."), 250, 30));

        Assert.Equal(0, await RunOnceAsync());

        await using var db = Open();
        var rows = await TriageRowsAsync(db);
        var asked = rows.Where(r => r.ShouldAsk).ToList();
        Assert.NotEmpty(asked);
        Assert.Contains(rows, r => !r.ShouldAsk);
        var triageRequests = Server.Requests.Where(r => r.Body.Contains("triage_refinement", StringComparison.Ordinal)).ToList();
        Assert.Equal(asked.Count, triageRequests.Count);
        Assert.All(rows, r => Assert.Equal(r.ShouldAsk, r.Llm is not null));
        foreach (var row in asked)
        {
            var llm = row.Llm!.Value;
            Assert.True(llm.GetProperty("accepted").GetBoolean());
            var usage = llm.GetProperty("usage");
            Assert.Equal(("openai", "gpt-4o-mini", 250, 30, 0.0102m), (usage.GetProperty("provider").GetString(), usage.GetProperty("model").GetString(),
                usage.GetProperty("inputTokens").GetInt32(), usage.GetProperty("outputTokens").GetInt32(), usage.GetProperty("cost").GetDecimal()));
            Assert.True(usage.GetProperty("latencyMs").GetInt64() >= 0);
            Assert.Equal("complaint", llm.GetProperty("refinement").GetProperty("category").GetString());
            Assert.Contains("complaint", row.Summary, StringComparison.Ordinal);
            Assert.Contains("refined by openai", row.Summary, StringComparison.Ordinal);
        }
        var refinedTickets = await db.QueryAsync<(string Category, string Priority)>(
            """
            SELECT t.category, t.priority FROM tickets t JOIN ticket_messages tm ON tm.ticket_id = t.id
            WHERE tm.raw_email_id IN @ids AND tm.raw_email_id = (SELECT MIN(first.raw_email_id) FROM ticket_messages first WHERE first.ticket_id = t.id)
            """,
            new { ids = asked.Select(a => a.EmailId).ToArray() });
        Assert.NotEmpty(refinedTickets);
        Assert.All(refinedTickets, t => Assert.Equal(("complaint", "urgent"), t));
        Assert.All(triageRequests, r => Assert.DoesNotMatch(EmailAddress(), r.Body));
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dead_letters"));
    }

    [Fact]
    public async Task A_failing_language_model_changes_nothing_but_the_log()
    {
        Server.Otherwise(503, OpenAiWire.Error("overloaded", "server_error", null));

        Assert.Equal(0, await RunOnceAsync());

        await using var db = Open();
        var rows = await TriageRowsAsync(db);
        var asked = rows.Where(r => r.ShouldAsk).ToList();
        Assert.NotEmpty(asked);
        Assert.All(asked, r =>
        {
            Assert.False(r.Llm!.Value.GetProperty("accepted").GetBoolean());
            Assert.Contains(r.Llm.Value.GetProperty("fallbackReason").GetString(), new[] { "server_error (503)", "circuit open" });
            Assert.Contains("language model fell back", r.Summary, StringComparison.Ordinal);
        });
        Assert.All(asked, r => Assert.Equal(r.LocalCategory, r.PublishedCategory));
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dead_letters"));
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM tickets WHERE category IS NULL"));
    }

    private Task<int> RunOnceAsync() =>
        _run.RunOnceAsync(("Llm:RefineBelowConfidence", Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private SqliteConnection Open() => _run.Open();

    private static async Task<List<TriageRow>> TriageRowsAsync(SqliteConnection db)
    {
        var rows = await db.QueryAsync<(long EmailId, string Summary, string Analysis)>(
            "SELECT raw_email_id, summary, analysis_json FROM support_interactions WHERE stage = 'triage' ORDER BY id");
        return rows.Select(r => TriageRow.From(r.EmailId, r.Summary, r.Analysis)).ToList();
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();

    private sealed record TriageRow(long EmailId, string Summary, bool ShouldAsk, JsonElement? Llm, string LocalCategory, string PublishedCategory)
    {
        public static TriageRow From(long emailId, string summary, string json)
        {
            var analysis = JsonDocument.Parse(json).RootElement;
            var result = analysis.GetProperty("result");
            var noisy = analysis.GetProperty("noise").TryGetProperty("kind", out _);
            var unsure = result.GetProperty("categoryUnsure").GetBoolean() || result.GetProperty("categoryConfidence").GetDouble() < Threshold;
            JsonElement? llm = analysis.TryGetProperty("llm", out var l) ? l : null;
            return new TriageRow(emailId, summary, !noisy && unsure, llm, result.GetProperty("category").GetString()!, summary.Split(' ')[0]);
        }
    }
}
