using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SuperTickets.Data;

namespace SuperTickets.Cli.Commands;

/// <summary>
/// <c>supertickets dlq list</c> and <c>supertickets dlq replay (--id N | --all)</c>: inspect dead letters and put
/// them back on their topic through the outbox, where the running workers' relays pick them up.
/// </summary>
public static class DlqCommand
{
    private const int ReplayAllLimit = 100_000;

    public static Command Create()
    {
        var provider = new Option<DbProvider>("--provider") { Description = "sqlite or postgres", DefaultValueFactory = _ => DbProvider.Sqlite, Recursive = true };
        var connection = new Option<string>("--connection")
        {
            Description = "Connection string (for sqlite: Data Source=FILE)",
            DefaultValueFactory = _ => "Data Source=data/supertickets.db",
            Recursive = true,
        };
        return new Command("dlq", "List and replay dead letters (messages that failed every retry or could not be read).")
        {
            provider,
            connection,
            CreateList(provider, connection),
            CreateReplay(provider, connection),
        };
    }

    private static Command CreateList(Option<DbProvider> provider, Option<string> connection)
    {
        var all = new Option<bool>("--all") { Description = "Include dead letters that were already replayed." };
        var limit = new Option<int>("--limit") { Description = "Most rows to show, newest first.", DefaultValueFactory = _ => 50 };
        var json = new Option<bool>("--json") { Description = "Print one JSON array." };
        var command = new Command("list", "Show dead letters, newest first.") { all, limit, json };
        command.SetAction((parse, ct) => WithStoreAsync(parse.GetValue(provider), parse.GetValue(connection)!, async (_, store) =>
        {
            var rows = await store.ListAsync(parse.GetValue(all), Math.Max(1, parse.GetValue(limit)), ct);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(rows, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
                return 0;
            }
            if (rows.Count == 0)
            {
                Console.WriteLine("No dead letters.");
                return 0;
            }
            foreach (var row in rows)
            {
                Console.WriteLine(Describe(row));
            }
            return 0;
        }));
        return command;
    }

    private static Command CreateReplay(Option<DbProvider> provider, Option<string> connection)
    {
        var id = new Option<long?>("--id") { Description = "The dead letter to replay (see dlq list)." };
        var all = new Option<bool>("--all") { Description = "Replay every dead letter not replayed yet." };
        var command = new Command("replay", "Put dead letters back on their topic (same message id) through the outbox.") { id, all };
        command.Validators.Add(result =>
        {
            if (result.GetValue(id) is null == !result.GetValue(all))
            {
                result.AddError("Give exactly one of --id N or --all.");
            }
        });
        command.SetAction((parse, ct) => WithStoreAsync(parse.GetValue(provider), parse.GetValue(connection)!, async (factory, store) =>
        {
            IReadOnlyList<long> ids = parse.GetValue(id) is { } one
                ? [one]
                : [.. (await store.ListAsync(includeReplayed: false, ReplayAllLimit, ct)).Select(r => r.Id).Order()];
            var replayed = 0;
            foreach (var deadLetter in ids)
            {
                if (await ReplayOneAsync(factory, store, deadLetter, ct))
                {
                    replayed++;
                    Console.WriteLine($"Dead letter {deadLetter} is back in the outbox.");
                }
                else
                {
                    Console.Error.WriteLine($"Dead letter {deadLetter} does not exist or was already replayed.");
                }
            }
            Console.WriteLine(replayed == 0
                ? "Nothing replayed."
                : $"Replayed {replayed} dead letter(s); the workers' outbox relays deliver them within Messaging:RelayLease.");
            return replayed == ids.Count ? 0 : 1;
        }));
        return command;
    }

    private static async Task<bool> ReplayOneAsync(DbConnectionFactory factory, DeadLetterStore store, long id, CancellationToken ct)
    {
        var session = new DbSession(factory);
        await using var unitOfWork = new DbMessageUnitOfWork(session, TimeProvider.System);
        await unitOfWork.BeginAsync(ct);
        var replayed = await store.ReplayAsync(id, session, unitOfWork, TimeProvider.System, ct);
        await unitOfWork.CommitAsync(ct);
        return replayed;
    }

    private static async Task<int> WithStoreAsync(DbProvider provider, string connection, Func<DbConnectionFactory, DeadLetterStore, Task<int>> action)
    {
        try
        {
            await using var factory = new DbConnectionFactory(provider, connection);
            return await action(factory, new DeadLetterStore(factory));
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or ArgumentException)
        {
            Console.Error.WriteLine($"Dead-letter command failed: {ex.Message}");
            return 1;
        }
    }

    private static string Describe(DeadLetterRecord row)
    {
        var failure = row.ExceptionMessage.Length > 120 ? row.ExceptionMessage[..117] + "..." : row.ExceptionMessage;
        var state = row.ReplayedAt is { } at ? $" replayed {at.ToString("u", CultureInfo.InvariantCulture)}" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"#{row.Id} {row.FailedAt:u} {row.Topic} group={row.ConsumerGroup} attempts={row.Attempts} message={row.MessageId}{state}\n    {row.ExceptionType}: {failure}");
    }
}
