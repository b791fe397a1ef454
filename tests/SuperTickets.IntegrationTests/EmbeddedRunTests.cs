using Dapper;
using Microsoft.Data.Sqlite;
using SuperTickets.Cli.Commands;
using SuperTickets.Cli.Embedded;
using SuperTickets.Testing;

namespace SuperTickets.IntegrationTests;

/// <summary>The one-command run over samples/: tickets, replies and log rows, and that a second run changes nothing.</summary>
public sealed class EmbeddedRunTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "supertickets-e2e-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly IReadOnlyList<SampleManifest> _manifest = SampleManifest.Load();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Samples_flow_through_every_stage_and_a_second_run_duplicates_nothing()
    {
        Assert.Equal(0, await RunOnceAsync());
        await using var db = Open();

        var newRequests = _manifest.Count(m => m.Kind == "new");
        var noise = _manifest.Count(m => m.Kind is "auto_reply" or "bounce" or "bulk");
        var stored = _manifest.Count(m => m.Kind != "duplicate");
        Assert.Equal(stored, await Count(db, "SELECT COUNT(*) FROM raw_emails"));
        Assert.Equal(1, await Count(db, "SELECT COUNT(*) FROM raw_emails WHERE status = 'quarantined'"));
        Assert.Equal(noise, await Count(db, "SELECT COUNT(*) FROM raw_emails WHERE status = 'ignored'"));
        Assert.Equal(newRequests, await Count(db, "SELECT COUNT(*) FROM tickets"));

        var ticketsWithoutReply = await Count(db, "SELECT COUNT(*) FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM outbound_emails o WHERE o.ticket_id = t.id AND o.status = 'sent')");
        Assert.Equal(0, ticketsWithoutReply);
        var outboxFiles = Directory.GetFiles(Path.Combine(_data, "outbox"), "*.eml");
        Assert.Equal(await Count(db, "SELECT COUNT(*) FROM outbound_emails"), outboxFiles.Length);
        Assert.All(outboxFiles, f => Assert.Contains("Auto-Submitted: auto-replied", File.ReadAllText(f), StringComparison.Ordinal));

        foreach (var reply in _manifest.Where(m => m.Kind == "reply"))
        {
            Assert.Equal(await TicketOfAsync(db, reply.ThreadOf), await TicketOfAsync(db, reply.File));
        }
        foreach (var silent in _manifest.Where(m => m.Kind is "auto_reply" or "bounce" or "bulk"))
        {
            Assert.Null(await TicketOfAsync(db, silent.File));
        }

        var autoAnswered = await Count(db, "SELECT COUNT(*) FROM outbound_emails WHERE kind = 'auto_answer'");
        Assert.InRange(autoAnswered, 3, _manifest.Count(m => m.KbAnswerable.Length > 0));
        Assert.Equal(0, await Count(db, """
            SELECT COUNT(*) FROM outbound_emails o JOIN tickets t ON t.id = o.ticket_id
            WHERE o.kind = 'auto_answer' AND (t.priority IN ('high', 'urgent') OR t.category IN ('complaint', 'bug_report'))
            """));

        var processed = stored - 1;
        Assert.Equal(processed, await Count(db, "SELECT COUNT(*) FROM support_interactions WHERE stage = 'triage'"));
        Assert.Equal(processed, await Count(db, "SELECT COUNT(*) FROM support_interactions WHERE stage = 'resolve'"));
        Assert.Equal(stored, await Count(db, "SELECT COUNT(*) FROM support_interactions WHERE stage = 'ingest'"));
        Assert.Equal(0, await Count(db, "SELECT COUNT(*) FROM dead_letters"));
        Assert.Equal(0, await Count(db, "SELECT COUNT(*) FROM outbox"));

        var before = await SnapshotAsync(db);
        Assert.Equal(0, await RunOnceAsync());
        Assert.Equal(before, await SnapshotAsync(db));
        Assert.Equal(outboxFiles.Length, Directory.GetFiles(Path.Combine(_data, "outbox"), "*.eml").Length);
    }

    private Task<int> RunOnceAsync() => RunCommand.RunAsync(
        new EmbeddedRunSettings(_data, RepoPaths.Samples, "http://127.0.0.1:0", []), once: true, TimeSpan.FromMinutes(2), TextWriter.Null, TextWriter.Null, CancellationToken.None);

    private SqliteConnection Open() => new($"Data Source={Path.Combine(_data, "supertickets.db")}");

    private static Task<long> Count(SqliteConnection db, string sql) => db.ExecuteScalarAsync<long>(sql);

    private static Task<long?> TicketOfAsync(SqliteConnection db, string file) => db.ExecuteScalarAsync<long?>(
        "SELECT tm.ticket_id FROM raw_emails r JOIN ticket_messages tm ON tm.raw_email_id = r.id WHERE r.source_ref = @file LIMIT 1", new { file });

    private static async Task<string> SnapshotAsync(SqliteConnection db) => string.Join("|",
        await Count(db, "SELECT COUNT(*) FROM raw_emails"), await Count(db, "SELECT COUNT(*) FROM tickets"),
        await Count(db, "SELECT COUNT(*) FROM ticket_messages"), await Count(db, "SELECT COUNT(*) FROM outbound_emails"));
}
