using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SuperTickets.Admin.Auth;
using SuperTickets.Data;
using SuperTickets.Data.Admin;

namespace SuperTickets.Cli.Commands;

/// <summary>
/// <c>supertickets apikey create --role admin|agent|viewer [--name N]</c> (the key is the last line printed),
/// <c>apikey list</c> and <c>apikey revoke ID</c>. The database comes from the same <c>Database:*</c> settings
/// as <c>run</c> (appsettings.json, environment), by default the embedded SQLite file; migrations are applied first.
/// </summary>
public static class ApiKeyCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Data folder of the embedded database.", DefaultValueFactory = _ => "data" };
        var role = new Option<string>("--role") { Description = "admin, agent or viewer", Required = true };
        role.AcceptOnlyFromAmong([.. AdminRoles.All]);
        var name = new Option<string?>("--name") { Description = "What the key is for (shown in the audit log)." };
        var create = new Command("create", "Create an API key; the key is printed once, as the last line.") { role, name, data };
        create.SetAction((parse, ct) => CreateKeyAsync(Configuration(parse.GetValue(data)!), parse.GetValue(role)!, parse.GetValue(name), Console.Out, Console.Error, ct));

        var listData = new Option<string>("--data") { Description = "Data folder of the embedded database.", DefaultValueFactory = _ => "data" };
        var list = new Command("list", "List API keys (ids, names, roles; never the keys).") { listData };
        list.SetAction((parse, ct) => ListAsync(Configuration(parse.GetValue(listData)!), Console.Out, Console.Error, ct));

        var id = new Argument<string>("id") { Description = "The key id (the part after stk_)." };
        var revokeData = new Option<string>("--data") { Description = "Data folder of the embedded database.", DefaultValueFactory = _ => "data" };
        var revoke = new Command("revoke", "Revoke an API key by id.") { id, revokeData };
        revoke.SetAction((parse, ct) => RevokeAsync(Configuration(parse.GetValue(revokeData)!), parse.GetValue(id)!, Console.Out, Console.Error, ct));

        return new Command("apikey", "Manage admin API keys.") { create, list, revoke };
    }

    /// <summary>Defaults of the embedded run, then appsettings.json, then environment variables.</summary>
    public static IConfiguration Configuration(string dataDirectory) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(dataDirectory, "supertickets.db")}",
        })
        .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .Build();

    public static Task<int> CreateKeyAsync(IConfiguration configuration, string role, string? name, TextWriter output, TextWriter error, CancellationToken ct) =>
        WithStoreAsync(configuration, error, async keys =>
        {
            var (record, plainKey) = ApiKeys.Create(role, string.IsNullOrWhiteSpace(name) ? $"{role} key" : name.Trim(), DateTimeOffset.UtcNow);
            await keys.InsertAsync(record, ct);
            output.WriteLine($"Created {record.Role} key {record.Id} ({record.Name}). Store it now; it is not shown again:");
            output.WriteLine(plainKey);
            return 0;
        }, ct);

    private static Task<int> ListAsync(IConfiguration configuration, TextWriter output, TextWriter error, CancellationToken ct) =>
        WithStoreAsync(configuration, error, async keys =>
        {
            foreach (var key in await keys.ListAsync(ct))
            {
                output.WriteLine($"{key.Id}  {key.Role,-6}  {key.CreatedAt:yyyy-MM-dd HH:mm}Z  {(key.RevokedAt is null ? "active " : "revoked")}  {key.Name}");
            }
            return 0;
        }, ct);

    private static Task<int> RevokeAsync(IConfiguration configuration, string id, TextWriter output, TextWriter error, CancellationToken ct) =>
        WithStoreAsync(configuration, error, async keys =>
        {
            if (!await keys.RevokeAsync(id, ct))
            {
                error.WriteLine($"No active key has id {id}.");
                return 1;
            }
            output.WriteLine($"Revoked key {id}.");
            return 0;
        }, ct);

    private static async Task<int> WithStoreAsync(IConfiguration configuration, TextWriter error, Func<ApiKeyStore, Task<int>> action, CancellationToken ct)
    {
        var settings = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>();
        if (settings?.Provider is not { } provider || string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            error.WriteLine("Configuration error: Database:Provider and Database:ConnectionString are required.");
            return 2;
        }
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        await using var factory = new DbConnectionFactory(provider, settings.ConnectionString);
        try
        {
            await new MigrationRunner(factory, loggers.CreateLogger<MigrationRunner>()).ApplyAsync(ct);
            return await action(new ApiKeyStore(factory, TimeProvider.System));
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            error.WriteLine($"Database error: {ex.Message}");
            return 1;
        }
    }
}
