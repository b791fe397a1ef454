using System.Net.Http.Headers;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SuperTickets.Admin.Auth;
using SuperTickets.Data;
using SuperTickets.Data.Admin;
using SuperTickets.Testing;

namespace SuperTickets.Admin.Tests;

/// <summary>
/// The admin API composed as the hosts compose it (<c>AddAdminApi</c> / <c>MapAdminApi</c>) on Kestrel at
/// 127.0.0.1:0 over a fresh database, with one key per role and an HTTP client for each.
/// </summary>
public sealed class AdminHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AdminHost(WebApplication app, TestDatabase database, Uri address)
    {
        _app = app;
        Database = database;
        Address = address;
    }

    public TestDatabase Database { get; }
    public Uri Address { get; }
    public DbConnectionFactory Factory => Database.Factory;
    public IServiceProvider Services => _app.Services;
    public Seeder Seed => new(Database.Factory);

    public static async Task<AdminHost> StartAsync(DbProvider provider, PostgresServer postgres, IDictionary<string, string?>? settings = null, TimeProvider? clock = null,
        Action<IServiceCollection>? services = null)
    {
        var database = await TestDatabase.CreateAsync(provider, postgres);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Mail:SupportAddress"] = "support@nimbus.example",
            ["Mail:SupportName"] = "Nimbus Support",
            ["Mail:MessageIdDomain"] = "support.nimbus.example",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.Services.AddSingleton(database.Factory);
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }
        services?.Invoke(builder.Services);
        builder.AddAdminApi();
        var app = builder.Build();
        app.MapAdminApi();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new AdminHost(app, database, new Uri(address));
    }

    /// <summary>A client without credentials.</summary>
    public HttpClient Anonymous() => new() { BaseAddress = Address };

    /// <summary>A client sending a fresh key of <paramref name="role"/> in the X-Api-Key header (or as a bearer token).</summary>
    public async Task<HttpClient> ClientAsync(string role, bool bearer = false)
    {
        var key = await CreateKeyAsync(role);
        var client = Anonymous();
        if (bearer)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        else
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }
        return client;
    }

    public async Task<string> CreateKeyAsync(string role)
    {
        var (record, key) = ApiKeys.Create(role, $"test {role}", DateTimeOffset.UtcNow);
        await new ApiKeyStore(Factory, TimeProvider.System).InsertAsync(record, default);
        return key;
    }

    public async Task<long> CountAsync(string sql, object? args = null)
    {
        await using var connection = await Factory.OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>(sql, args);
    }

    public async Task<IReadOnlyList<AuditRecord>> AuditAsync() =>
        await new AuditLogStore(Factory).ListAsync(null, null, 100, 0, default);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Database.DisposeAsync();
    }
}
