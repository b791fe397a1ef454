using SuperTickets.Mail.Net.Smtp;

namespace SuperTickets.Mail.Net.Tests.Smtp;

public sealed class SmtpExceptionTests
{
    [Fact]
    public void The_message_hides_quoted_local_parts_but_the_response_text_keeps_them()
    {
        var error = new SmtpException("RCPT", 550, "5.1.1", "<kunde.name@example.org>: Recipient address rejected; also zoë@example.net");

        Assert.Equal("SMTP RCPT failed: 550 5.1.1 <***@example.org>: Recipient address rejected; also ***@example.net", error.Message);
        Assert.Contains("kunde.name@example.org", error.ResponseText);
        Assert.True(error.IsPermanent);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public void Four_hundred_codes_are_transient()
    {
        var error = new SmtpException("DATA", 451, "4.3.0", "Temporary failure");

        Assert.True(error.IsTransient);
        Assert.False(error.IsPermanent);
    }
}
