using System.Globalization;
using Dapper;
using SuperTickets.Data.Sqlite;
using SuperTickets.Testing;

namespace SuperTickets.Data.Tests;

/// <summary>
/// Multi-row statements on SQLite: split into statements of about 64 parameters, in row order, with instants bound as
/// text formatted here; what they store must be exactly what binding each value the provider's own way stores.
/// </summary>
public sealed class MultiRowInsertTests : IAsyncLifetime
{
    private const string Columns = "label, number, real, flag, at, content";
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DbProvider.Sqlite, null);
        await using var connection = await _db.Factory.OpenAsync(default);
        foreach (var table in new[] { "by_json", "by_parameter" })
        {
            await connection.ExecuteAsync($"CREATE TABLE {table} (id integer PRIMARY KEY, label text UNIQUE, number integer, real real, flag integer, at text, content blob)");
        }
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public static TheoryData<string?> Labels =>
    [
        "plain", null, "", "quote \" backslash \\ slash / tab \t newline \n nul-free control \u0001 \u001f",
        "Grüße, señor, 日本語のメール", "emoji 😀 and 👩‍💻",
    ];

    [Theory, MemberData(nameof(Labels))]
    public Task Rows_store_the_same_values_and_types_as_single_rows_bound_the_providers_way(string? label) => StoresAsBindingAsync(label);

    [Fact]
    public Task A_lone_surrogate_is_stored_as_the_provider_stores_it() => StoresAsBindingAsync("a lone surrogate \ud83d cut from its pair");

    private async Task StoresAsBindingAsync(string? label)
    {
        var rows = new List<object?[]>
        {
            new object?[] { label, long.MaxValue, 0.1, true, new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero), new byte[] { 0, 1, 0xfe, 0xff } },
            new object?[] { "second", long.MinValue, 1e300, false, new DateTimeOffset(2026, 12, 7, 19, 5, 6, TimeSpan.FromHours(9)).AddTicks(1), Array.Empty<byte>() },
            new object?[] { "third", 42, -2.5, null, new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.FromHours(-5)).AddTicks(1_234_500), null },
            new object?[] { "fourth", null, null, true, null, new ReadOnlyMemory<byte>(Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray()) },
        };

        await InsertAsync(rows);

        Assert.Equal(await DumpAsync("by_parameter"), await DumpAsync("by_json"));
    }

    [Fact]
    public async Task Thousands_of_rows_go_in_order_across_statements_and_return_what_the_tail_returns()
    {
        const int count = 2_500;
        var returned = new List<(long Id, string Label)>();
        await using (var session = new DbSession(_db.Factory))
        {
            await session.BeginAsync(default);
            await MultiRowInsert.QueryAsync(session, $"INSERT INTO by_json ({Columns}) VALUES", count, 6,
                "ON CONFLICT (label) DO NOTHING RETURNING id, label",
                (row, column) => column == 0 ? $"row {row}" : column == 1 ? row : null,
                reader => returned.Add((reader.GetInt64(0), reader.GetString(1))), default);
            // The same labels again: every row conflicts, nothing is inserted or returned.
            await MultiRowInsert.QueryAsync(session, $"INSERT INTO by_json ({Columns}) VALUES", count, 6,
                "ON CONFLICT (label) DO NOTHING RETURNING id, label",
                (row, column) => column == 0 ? $"row {row}" : null,
                reader => returned.Add((reader.GetInt64(0), reader.GetString(1))), default);
            await session.CommitAsync(default);
        }

        Assert.Equal(Enumerable.Range(0, count).Select(i => $"row {i}"), returned.Select(r => r.Label));
        Assert.Equal(returned.Select(r => r.Id).Order(), returned.Select(r => r.Id));
        await using var connection = await _db.Factory.OpenAsync(default);
        Assert.Equal(count, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM by_json WHERE number = id - 1"));
    }

    [Fact]
    public async Task An_update_from_a_values_list_reads_the_json_rows_as_column1_and_so_on()
    {
        await InsertAsync([new object?[] { "a", 1L, null, null, null, null }, new object?[] { "b", 2L, null, null, null, null }]);
        await using (var session = new DbSession(_db.Factory))
        {
            await session.BeginAsync(default);
            await MultiRowInsert.ExecuteAsync(session, "UPDATE by_json SET label = v.column2 FROM (VALUES", 2, 2,
                ") AS v WHERE by_json.number = v.column1", (row, column) => column == 0 ? row + 1L : $"renamed {row + 1}", default);
            await session.CommitAsync(default);
        }

        await using var connection = await _db.Factory.OpenAsync(default);
        Assert.Equal(["renamed 1", "renamed 2"], await connection.QueryAsync<string>("SELECT label FROM by_json ORDER BY number"));
    }

    [Fact]
    public void Instants_are_formatted_as_the_provider_formats_them()
    {
        var random = new Random(7);
        var instants = Enumerable.Range(0, 2_000)
            .Select(_ => new DateTimeOffset(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), TimeSpan.Zero))
            .Concat([DateTimeOffset.MinValue, DateTimeOffset.MaxValue, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddTicks(10)]);
        foreach (var instant in instants)
        {
            Assert.Equal(instant.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture), SqliteInstant.Format(instant));
            Assert.Equal(SqliteInstant.Format(instant), SqliteInstant.Format(instant.ToOffset(TimeSpan.FromHours(instant.Year > 9000 ? -11 : 13))));
        }
    }

    private async Task InsertAsync(IReadOnlyList<object?[]> rows)
    {
        await using var session = new DbSession(_db.Factory);
        await session.BeginAsync(default);
        await MultiRowInsert.ExecuteAsync(session, $"INSERT INTO by_json ({Columns}) VALUES", rows.Count, 6, "", (row, column) => rows[row][column], default);
        foreach (var row in rows)
        {
            await using var command = session.Connection.CreateCommand();
            command.Transaction = session.Transaction;
            command.CommandText = $"INSERT INTO by_parameter ({Columns}) VALUES (@c0, @c1, @c2, @c3, @c4, @c5)";
            for (var column = 0; column < row.Length; column++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@c{column}";
                parameter.Value = row[column] switch
                {
                    null => DBNull.Value,
                    DateTimeOffset instant => instant.ToUniversalTime(),
                    ReadOnlyMemory<byte> bytes => bytes.ToArray(),
                    var value => value,
                };
                command.Parameters.Add(parameter);
            }
            await command.ExecuteNonQueryAsync();
        }
        await session.CommitAsync(default);
    }

    private async Task<List<string>> DumpAsync(string table)
    {
        await using var connection = await _db.Factory.OpenAsync(default);
        return (await connection.QueryAsync<string>($"""
            SELECT quote(label) || typeof(label) || ' ' || quote(number) || typeof(number) || ' ' || quote(real) || typeof(real) || ' '
                || quote(flag) || typeof(flag) || ' ' || quote(at) || typeof(at) || ' ' || quote(content) || typeof(content)
            FROM {table} ORDER BY id
            """)).ToList();
    }
}
