using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using SuperTickets.Messaging;
using SuperTickets.Pipeline.Ingest.Gmail;
using SuperTickets.Testing;

namespace SuperTickets.Mail.Net.Tests.Gmail;

internal static class GmailTestHost
{
    public static Dictionary<string, string?> UserGrantMailbox(FakeGmailServer server, int index, string id, string refreshToken = FakeGmailServer.RefreshToken) => new()
    {
        [$"Ingest:Gmail:Mailboxes:{index}:Id"] = id,
        [$"Ingest:Gmail:Mailboxes:{index}:User"] = "support@example.com",
        [$"Ingest:Gmail:Mailboxes:{index}:ClientId"] = FakeGmailServer.ClientId,
        [$"Ingest:Gmail:Mailboxes:{index}:ClientSecret"] = FakeGmailServer.ClientSecret,
        [$"Ingest:Gmail:Mailboxes:{index}:RefreshToken"] = refreshToken,
        [$"Ingest:Gmail:Mailboxes:{index}:BaseUrl"] = server.BaseUrl,
        [$"Ingest:Gmail:Mailboxes:{index}:TokenUrl"] = server.TokenUrl,
        [$"Ingest:Gmail:Mailboxes:{index}:PollInterval"] = "00:00:00.200",
        [$"Ingest:Gmail:Mailboxes:{index}:BatchSize"] = "4",
    };

    /// <summary>A service-account key in the downloaded JSON form, for a freshly generated RSA key the server trusts.</summary>
    public static string ServiceAccountJson(FakeGmailServer server) => server.CreateServiceAccountJson();

    public static IHost Build(TestDatabase database, params Dictionary<string, string?>[] mailboxes)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Test" });
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Mail:SupportAddress"] = "support@example.com",
            ["Mail:MessageIdDomain"] = "supertickets.test",
            ["Ingest:Gmail:InitialBackoff"] = "00:00:00.200",
            ["Ingest:Gmail:MaxBackoff"] = "00:00:00.500",
        };
        foreach (var pair in mailboxes.SelectMany(m => m))
        {
            settings[pair.Key] = pair.Value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddInProcessTransport();
        builder.AddGmailIngestion();
        return builder.Build();
    }

    public static Task WaitUntilAsync(Func<Task<bool>> condition, string what) =>
        Eventually.UntilAsync(condition, what, TimeSpan.FromSeconds(20));
}
