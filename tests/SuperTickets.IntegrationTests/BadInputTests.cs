using Dapper;
using Microsoft.Data.Sqlite;
using SuperTickets.Cli.Commands;
using SuperTickets.Cli.Embedded;
using SuperTickets.Testing;

namespace SuperTickets.IntegrationTests;

/// <summary>Bad mail is quarantined with a reason and the run goes on; bad settings stop start-up naming the key.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "supertickets-bad-" + Guid.NewGuid().ToString("N")[..8]);

    public BadInputTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "samples", "inbox"));
        Directory.CreateDirectory(Path.Combine(_root, "data", "inbox"));
        foreach (var file in new[] { "agents.json", "sla-policies.json" })
        {
            File.Copy(Path.Combine(RepoPaths.Samples, file), Path.Combine(_root, "samples", file));
        }
        CopyDirectory(Path.Combine(RepoPaths.Samples, "kb"), Path.Combine(_root, "samples", "kb"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Unreadable_mail_is_quarantined_with_its_reason_and_good_mail_still_flows()
    {
        var inbox = Path.Combine(_root, "data", "inbox");
        await File.WriteAllBytesAsync(Path.Combine(inbox, "a-garbage.eml"), [0x00, 0xFF, 0x13, 0x37, 0x0A, 0x00, 0x42]);
        await File.WriteAllBytesAsync(Path.Combine(inbox, "b-empty.eml"), []);
        await File.WriteAllTextAsync(Path.Combine(inbox, "c-good.eml"),
            "From: Dana <dana@example.org>\r\nTo: support@nimbus.example\r\nSubject: Camera shows offline\r\nMessage-ID: <good-1@example.org>\r\n" +
            "Date: Sun, 22 Nov 2026 10:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nMy camera shows offline since this morning, what can I do?\r\n");
        var error = new StringWriter();

        var exit = await RunAsync(error: error);

        Assert.Equal(0, exit);
        await using var db = new SqliteConnection($"Data Source={Path.Combine(_root, "data", "supertickets.db")}");
        var quarantined = (await db.QueryAsync<(string SourceRef, string Reason)>(
            "SELECT source_ref, quarantine_reason FROM raw_emails WHERE status = 'quarantined' ORDER BY source_ref")).ToList();
        Assert.Equal(["a-garbage.eml", "b-empty.eml"], quarantined.Select(q => q.SourceRef));
        Assert.Contains("no usable From address", quarantined[0].Reason, StringComparison.Ordinal);
        Assert.Equal("empty file", quarantined[1].Reason);
        Assert.Equal(2, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM support_interactions WHERE action = 'quarantined'"));
        Assert.Equal(1, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM tickets"));
        Assert.True(File.Exists(Path.Combine(inbox, ".quarantine", "a-garbage.eml")));
        Assert.True(File.Exists(Path.Combine(inbox, ".processed", "c-good.eml")));
    }

    [Theory]
    [InlineData("Mail:SupportAddress", "", "Mail:SupportAddress")]
    [InlineData("Mail:SupportAddress", "not-an-address", "Mail:SupportAddress")]
    [InlineData("Database:ConnectionString", "", "Database:ConnectionString")]
    [InlineData("Database:StatisticsRefreshInterval", "02:00:00", "Database:StatisticsRefreshInterval")]
    [InlineData("Database:StatisticsRefreshInterval", "-00:00:05", "Database:StatisticsRefreshInterval")]
    [InlineData("Resolve:AutoAnswerThreshold", "1.5", "AutoAnswerThreshold")]
    public async Task Missing_or_invalid_setting_stops_start_up_naming_the_key(string key, string value, string named)
    {
        var error = new StringWriter();

        var exit = await RunAsync(new Dictionary<string, string?> { [key] = value }, error);

        Assert.Equal(2, exit);
        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
    }

    private Task<int> RunAsync(Dictionary<string, string?>? overrides = null, StringWriter? error = null) => RunCommand.RunAsync(
        new EmbeddedRunSettings(Path.Combine(_root, "data"), Path.Combine(_root, "samples"), "http://127.0.0.1:0", []) { Overrides = overrides },
        once: true, TimeSpan.FromMinutes(1), TextWriter.Null, error ?? new StringWriter(), CancellationToken.None);

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
