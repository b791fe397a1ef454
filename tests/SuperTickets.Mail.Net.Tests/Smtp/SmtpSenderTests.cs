using System.Security.Authentication;
using System.Text;
using SuperTickets.Mail.Net.Smtp;
using SuperTickets.Mail.Net.Tests.Servers;

namespace SuperTickets.Mail.Net.Tests.Smtp;

[Collection(PostfixCollection.Name)]
public sealed class SmtpSenderTests(PostfixFixture postfix)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly string[] AddedByDelivery = ["Return-Path:", "X-Original-To:", "Delivered-To:", "Received:", "\t", " "];

    private async Task<SmtpSender> ConnectAsync(MailSecurity security = MailSecurity.StartTls)
    {
        var sender = await SmtpSender.ConnectAsync(postfix.Server.Endpoint(security), None, "client.test.local");
        await sender.AuthenticateAsync(postfix.Server.Credentials, None);
        return sender;
    }

    private static (string Marker, byte[] Message) Message(string extraHeaders = "", string body = "Hello.\r\n")
    {
        var marker = "t" + Guid.NewGuid().ToString("N");
        var text = $"From: =?UTF-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes("Zoë Support"))}?= <support@example.com>\r\n"
            + "To: Kunde <customer@example.org>\r\n"
            + "Subject: Grüße aus Köln – Ihre Anfrage\r\n"
            + "Date: Sun, 22 Nov 2026 10:00:00 +0000\r\n"
            + $"Message-ID: <{marker}@example.com>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Transfer-Encoding: 8bit\r\n"
            + extraHeaders
            + "\r\n"
            + body;
        return (marker, Encoding.UTF8.GetBytes(text));
    }

    /// <summary>The delivered copy minus the trace headers delivery prepends, with the Maildir's LF turned back into CRLF.</summary>
    private static byte[] Original(byte[] delivered)
    {
        var text = Encoding.UTF8.GetString(delivered);
        var lines = text.Split('\n').ToList();
        var skip = lines.TakeWhile(line => AddedByDelivery.Any(prefix => line.StartsWith(prefix, StringComparison.Ordinal))).Count();
        return Encoding.UTF8.GetBytes(string.Join("\r\n", lines.Skip(skip)));
    }

    [Theory]
    [InlineData(MailSecurity.StartTls)]
    [InlineData(MailSecurity.Tls)]
    public async Task A_message_arrives_byte_for_byte_with_non_ascii_headers_intact(MailSecurity security)
    {
        var (marker, message) = Message(body: "Guten Tag,\r\n.a line with a leading dot\r\n..two dots\r\n.\r\nEnde – ✓\r\n");
        await using var sender = await ConnectAsync(security);

        var result = await sender.SendAsync("support@example.com", ["customer@example.org"], message, None);
        await sender.QuitAsync(None);
        var delivered = Assert.Single(await postfix.Server.WaitForDeliveriesAsync(marker));

        Assert.True(sender.IsEncrypted);
        Assert.Equal(["customer@example.org"], result.Accepted);
        Assert.Contains("queued", result.Response);
        Assert.Equal(Encoding.UTF8.GetString(message), Encoding.UTF8.GetString(Original(delivered)));
        Assert.Equal(message, Original(delivered));
    }

    [Fact]
    public async Task Several_recipients_each_get_a_copy_and_refused_ones_are_reported()
    {
        var (marker, message) = Message();
        await using var sender = await ConnectAsync();

        var result = await sender.SendAsync("support@example.com", ["a@example.org", "b@example.net", "c@not-here.invalid", "d@example.com"], message, None);
        var deliveries = await postfix.Server.WaitForDeliveriesAsync(marker, count: 3);

        Assert.Equal(["a@example.org", "b@example.net", "d@example.com"], result.Accepted);
        var refused = Assert.Single(result.Rejected);
        Assert.Equal("c@not-here.invalid", refused.Address);
        Assert.Equal(5, refused.Code / 100);
        Assert.Equal(3, deliveries.Count);
    }

    [Fact]
    public async Task One_session_sends_several_messages_and_bare_line_feeds_become_crlf()
    {
        var (first, one) = Message();
        var (second, two) = Message(body: "line one\nline two\r\n");
        await using var sender = await ConnectAsync();

        await sender.SendAsync("support@example.com", ["x@example.org"], one, None);
        await sender.SendAsync("", ["y@example.org"], two, None);
        var delivered = Assert.Single(await postfix.Server.WaitForDeliveriesAsync(second));

        Assert.Single(await postfix.Server.WaitForDeliveriesAsync(first));
        Assert.EndsWith("line one\r\nline two\r\n", Encoding.UTF8.GetString(Original(delivered)));
        Assert.Contains("Return-Path: <>", Encoding.UTF8.GetString(delivered));
    }

    [Fact]
    public async Task Utf8_addresses_use_smtputf8()
    {
        var (marker, message) = Message();
        await using var sender = await ConnectAsync();

        var result = await sender.SendAsync("support@example.com", ["zoë@example.org"], message, None);
        var delivered = Assert.Single(await postfix.Server.WaitForDeliveriesAsync(marker));

        Assert.True(sender.Extensions.ContainsKey("SMTPUTF8"));
        Assert.Equal(["zoë@example.org"], result.Accepted);
        Assert.Contains("Delivered-To: zoë@example.org", Encoding.UTF8.GetString(delivered));
    }

    [Fact]
    public async Task Wrong_password_is_a_permanent_authentication_failure()
    {
        await using var sender = await SmtpSender.ConnectAsync(postfix.Server.Endpoint(MailSecurity.StartTls), None);

        var error = await Assert.ThrowsAsync<SmtpAuthenticationException>(() => sender.AuthenticateAsync(MailCredentials.WithPassword(postfix.Server.Username, "wrong"), None));

        Assert.Equal(535, error.Code);
        Assert.True(error.IsPermanent);
        Assert.Equal("5.7.8", error.EnhancedStatus);
        Assert.DoesNotContain("wrong", error.Message);
    }

    [Fact]
    public async Task Auth_login_works_when_chosen_and_fails_cleanly_with_a_wrong_password()
    {
        await using var good = await SmtpSender.ConnectAsync(postfix.Server.Endpoint(MailSecurity.StartTls), None);
        await using var bad = await SmtpSender.ConnectAsync(postfix.Server.Endpoint(MailSecurity.StartTls), None);

        await good.AuthenticateAsync(postfix.Server.Credentials, None, mechanism: "LOGIN");
        var error = await Assert.ThrowsAsync<SmtpAuthenticationException>(() => bad.AuthenticateAsync(MailCredentials.WithPassword(postfix.Server.Username, "wrong"), None, mechanism: "LOGIN"));

        Assert.True(good.IsAuthenticated);
        Assert.Equal(535, error.Code);
        Assert.Contains("LOGIN", good.Extensions["AUTH"]);
    }

    [Fact]
    public async Task Without_starttls_the_server_refuses_mail_and_offers_no_auth()
    {
        await using var sender = await SmtpSender.ConnectAsync(postfix.Server.Endpoint(MailSecurity.None), None);
        var (_, message) = Message();

        var noAuth = await Assert.ThrowsAsync<SmtpAuthenticationException>(() => sender.AuthenticateAsync(postfix.Server.Credentials, None));
        var refused = await Assert.ThrowsAsync<SmtpException>(() => sender.SendAsync("support@example.com", ["a@example.org"], message, None));

        Assert.False(sender.IsEncrypted);
        Assert.Contains("STARTTLS", noAuth.Message);
        Assert.Equal(530, refused.Code);
        Assert.Contains("STARTTLS", refused.ResponseText);
    }

    [Fact]
    public async Task Unauthenticated_relaying_is_refused_per_recipient_and_the_send_fails()
    {
        await using var sender = await SmtpSender.ConnectAsync(postfix.Server.Endpoint(MailSecurity.StartTls), None);
        var (_, message) = Message();

        var error = await Assert.ThrowsAsync<SmtpException>(() => sender.SendAsync("support@example.com", ["a@example.org"], message, None));

        Assert.Equal("RCPT", error.Command);
        Assert.True(error.IsPermanent);
        await sender.ResetAsync(None);
    }

    [Fact]
    public async Task Oversized_messages_are_refused_before_data_using_the_advertised_size()
    {
        await using var sender = await ConnectAsync();
        var (_, message) = Message(body: new string('x', 76) + "\r\n" + string.Concat(Enumerable.Repeat(new string('y', 998) + "\r\n", 21_000)));

        var error = await Assert.ThrowsAsync<SmtpException>(() => sender.SendAsync("support@example.com", ["a@example.org"], message, None));

        Assert.Equal(552, error.Code);
        Assert.Equal("20000000", sender.Extensions["SIZE"]);
    }

    [Fact]
    public async Task An_unpinned_self_signed_certificate_is_rejected()
    {
        var endpoint = postfix.Server.Endpoint(MailSecurity.StartTls) with { CertificateValidation = null };

        await Assert.ThrowsAsync<AuthenticationException>(() => SmtpSender.ConnectAsync(endpoint, None));
    }
}
