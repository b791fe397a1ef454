using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SuperTickets.Data;
using SuperTickets.Pipeline.Ingest.Gmail;
using SuperTickets.Pipeline.Respond;
using SuperTickets.Pipeline.Respond.Gmail;

namespace SuperTickets.Mail.Net.Tests.Gmail;

public sealed class GmailMailSenderTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static GmailMailSender Sender(FakeGmailServer server) => new(
        Options.Create(new GmailSendOptions
        {
            User = "support@example.com",
            ClientId = FakeGmailServer.ClientId,
            ClientSecret = FakeGmailServer.ClientSecret,
            RefreshToken = FakeGmailServer.RefreshToken,
            BaseUrl = server.BaseUrl,
            TokenUrl = server.TokenUrl,
        }),
        NullLogger<GmailMailSender>.Instance);

    private static OutboundEmailRecord Email(long id, string marker, string? inReplyTo) => new()
    {
        Id = id,
        TicketId = 7,
        Kind = "ack",
        IdempotencyKey = "ack:" + marker,
        ToAddress = "kunde@example.org",
        MessageId = $"<{marker}@supertickets.test>",
        Content = Encoding.UTF8.GetBytes(
            "From: Support <support@example.com>\r\nTo: kunde@example.org\r\nSubject: Re: Ihre Anfrage\r\n"
            + $"Date: Sun, 22 Nov 2026 10:00:00 +0000\r\nMessage-ID: <{marker}@supertickets.test>\r\n"
            + (inReplyTo is null ? "" : $"In-Reply-To: <{inReplyTo}>\r\nReferences: <{inReplyTo}>\r\n")
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nVielen Dank für Ihre Nachricht.\r\n"),
    };

    [Fact]
    public async Task A_reply_is_sent_raw_into_the_thread_of_the_message_it_answers()
    {
        await using var server = await FakeGmailServer.StartAsync();
        var original = server.Deliver(Encoding.UTF8.GetBytes("From: kunde@example.org\r\nMessage-ID: <frage-1@example.org>\r\nSubject: Ihre Anfrage\r\n\r\nHallo\r\n"), "thread-7");
        using var sender = Sender(server);
        var reply = Email(1, "antwort-1", "frage-1@example.org");

        Assert.True(await sender.SendAsync(reply, None));

        var (raw, threadId) = Assert.Single(server.Sent);
        Assert.Equal(server.ThreadOf(original), threadId);
        Assert.Equal(reply.Content, raw);
    }

    [Fact]
    public async Task A_message_without_a_known_parent_starts_a_new_thread()
    {
        await using var server = await FakeGmailServer.StartAsync();
        using var sender = Sender(server);

        Assert.True(await sender.SendAsync(Email(2, "neu-1", "unbekannt@example.org"), None));

        Assert.Null(Assert.Single(server.Sent).ThreadId);
    }

    [Fact]
    public async Task Sending_again_is_skipped_when_the_message_id_is_already_in_the_mailbox()
    {
        await using var server = await FakeGmailServer.StartAsync();
        using var sender = Sender(server);
        var email = Email(3, "einmal-1", null);

        Assert.True(await sender.SendAsync(email, None));
        Assert.False(await sender.SendAsync(email, None));

        Assert.Single(server.Sent);
        Assert.Contains(server.Requests, r => r.Contains("q=rfc822msgid%3Aeinmal-1%40supertickets.test", StringComparison.Ordinal) && r.Contains("includeSpamTrash=true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_failure_surfaces_as_a_transient_gmail_error_and_nothing_is_sent()
    {
        await using var server = await FakeGmailServer.StartAsync();
        server.FailWith = 503;
        using var sender = Sender(server);

        var error = await Assert.ThrowsAsync<GmailApiException>(() => sender.SendAsync(Email(4, "fehler-1", null), None));

        Assert.True(error.IsTransient);
        Assert.Empty(server.Sent);
    }

    [Fact]
    public void Adding_gmail_sending_replaces_other_senders_and_checks_its_keys()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Respond:Gmail:RefreshToken"] = "r" });
        builder.Services.AddSingleton<IMailSender, DropFolderMailSender>();
        builder.AddGmailSending();
        using var provider = builder.Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GmailSendOptions>>().Value);

        Assert.Single(builder.Services, d => d.ServiceType == typeof(IMailSender));
        Assert.Equal(["Respond:Gmail:User is required.", "Respond:Gmail: RefreshToken needs ClientId and ClientSecret."], error.Failures);
    }
}
