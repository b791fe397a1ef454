using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SuperTickets.Data;
using SuperTickets.Mail.Net.Smtp;
using SuperTickets.Mail.Net.Tests.Servers;
using SuperTickets.Pipeline;
using SuperTickets.Pipeline.Respond;
using SuperTickets.Pipeline.Respond.Smtp;

namespace SuperTickets.Mail.Net.Tests.Pipeline;

[Collection(PostfixCollection.Name)]
public sealed class SmtpMailSenderTests(PostfixFixture postfix)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private SmtpMailSender Sender(string password) => new(
        Options.Create(new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = postfix.Server.SubmissionPort,
            Username = postfix.Server.Username,
            Password = password,
            CertificateSha256 = CertificatePin.Fingerprint(postfix.Server.Certificate.Certificate),
        }),
        Options.Create(new MailOptions { SupportAddress = "support@example.com", MessageIdDomain = "supertickets.test" }),
        NullLogger<SmtpMailSender>.Instance);

    private static OutboundEmailRecord Email(long id, string marker) => new()
    {
        Id = id,
        TicketId = 7,
        Kind = "ack",
        IdempotencyKey = "ack:" + marker,
        ToAddress = "kunde@example.org",
        MessageId = $"<{marker}@supertickets.test>",
        Content = Encoding.UTF8.GetBytes(
            "From: Support <support@example.com>\r\nTo: kunde@example.org\r\nSubject: [#7] Ihre Anfrage – eingegangen\r\n"
            + $"Date: Sun, 22 Nov 2026 10:00:00 +0000\r\nMessage-ID: <{marker}@supertickets.test>\r\nAuto-Submitted: auto-replied\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nVielen Dank für Ihre Nachricht.\r\n.\r\n"),
    };

    [Fact]
    public async Task Outbound_emails_are_delivered_to_their_recipient_over_one_reused_session()
    {
        var first = Email(1, "a" + Guid.NewGuid().ToString("N"));
        var second = Email(2, "b" + Guid.NewGuid().ToString("N"));
        await using (var sender = Sender(postfix.Server.Password))
        {
            Assert.True(await sender.SendAsync(first, None));
            Assert.True(await sender.SendAsync(second, None));
        }

        var delivered = Assert.Single(await postfix.Server.WaitForDeliveriesAsync(first.MessageId));
        Assert.Single(await postfix.Server.WaitForDeliveriesAsync(second.MessageId));
        var text = Encoding.UTF8.GetString(delivered);
        Assert.Contains("Return-Path: <support@example.com>", text);
        Assert.Contains("Delivered-To: kunde@example.org", text);
        Assert.EndsWith(Encoding.UTF8.GetString(first.Content).Replace("\r\n", "\n"), text);
        Assert.Contains(postfix.Server.Log().Split('\n'), line => line.Contains("disconnect from") && line.Contains(" mail=2 ") && line.Contains(" data=2 ") && line.Contains(" rset=1 ") && line.Contains(" quit=1 "));
    }

    [Fact]
    public async Task A_rejected_login_surfaces_as_a_permanent_smtp_error()
    {
        await using var sender = Sender("wrong");

        var error = await Assert.ThrowsAsync<SmtpAuthenticationException>(() => sender.SendAsync(Email(3, "c" + Guid.NewGuid().ToString("N")), None));

        Assert.True(error.IsPermanent);
    }

    [Fact]
    public void Adding_smtp_sending_replaces_the_drop_folder_sender_whatever_the_order()
    {
        foreach (var smtpFirst in new[] { true, false })
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["Database:ConnectionString"] = "Data Source=:memory:",
                ["Mail:SupportAddress"] = "support@example.com",
                ["Mail:MessageIdDomain"] = "supertickets.test",
                ["Respond:Smtp:Host"] = "smtp.example.com",
            });
            if (smtpFirst)
            {
                builder.AddSmtpSending();
                builder.AddRespondStage();
            }
            else
            {
                builder.AddRespondStage();
                builder.AddSmtpSending();
            }

            using var host = builder.Build();

            var sender = Assert.Single(host.Services.GetServices<IMailSender>());
            Assert.Equal("smtp", sender.Name);
        }
    }
}
