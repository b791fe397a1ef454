using SuperTickets.Mail.Net.Imap;
using SuperTickets.Mail.Net.Tests.Servers;

namespace SuperTickets.Mail.Net.Tests.Imap;

public sealed class ImapServerRestartTests
{
    [Fact]
    public async Task A_server_crash_mid_read_loses_nothing_when_reading_resumes_from_the_durable_checkpoint()
    {
        await using var server = await DovecotServer.StartAsync();
        var messages = TestMessages.Many(120).ToList();
        var folder = "Support";
        await using (var client = await ImapClient.ConnectAsync(server.Endpoint(MailSecurity.Tls), CancellationToken.None))
        {
            await client.AuthenticateAsync(server.Credentials, CancellationToken.None);
            await client.CreateMailboxAsync(folder, CancellationToken.None);
            foreach (var message in messages)
            {
                await client.AppendAsync(folder, message, CancellationToken.None);
            }
        }

        var options = new ImapMailboxReaderOptions(server.Endpoint(MailSecurity.Tls), server.Credentials, folder) { BatchSize = 25 };
        await using var reader = new ImapMailboxReader(options);
        var stored = new List<ImapMessage>();
        string? durable = null;
        var failures = 0;
        var crashed = false;
        while (true)
        {
            ImapBatch batch;
            try
            {
                batch = await reader.FetchBatchAsync(durable, CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or TimeoutException or ImapException or System.Net.Sockets.SocketException)
            {
                failures++;
                Assert.True(failures < 50, $"Reading never recovered: {e}");
                await server.RestartAsync();
                continue;
            }

            if (stored.Count >= 50 && !crashed)
            {
                crashed = true;
                await server.CrashAsync();
                continue;
            }

            stored.AddRange(batch.Messages);
            durable = batch.Checkpoint.ToString();
            if (!batch.HasMore)
            {
                break;
            }
        }

        Assert.True(crashed);
        Assert.True(failures >= 1);
        Assert.Equal(messages, stored.Select(m => m.Content));
        Assert.Equal(stored.Select(m => m.Uid).Distinct(), stored.Select(m => m.Uid));
    }
}
