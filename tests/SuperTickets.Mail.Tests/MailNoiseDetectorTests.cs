namespace SuperTickets.Mail.Tests;

public sealed class MailNoiseDetectorTests
{
    private const string Ours = "tickets.example.com";

    private static MailNoise Detect(string headers, string body = "Hello") =>
        MailNoiseDetector.Detect(TestData.ParseText(headers + "\r\n\r\n" + body + "\r\n"), Ours);

    [Fact]
    public void Plain_customer_mail_is_not_noise()
    {
        var noise = Detect("From: Ann <ann@customer.org>\r\nSubject: Printer broken\r\nMessage-ID: <1@customer.org>");

        Assert.Equal(MailNoise.None, noise);
        Assert.False(noise.IsNoise);
    }

    [Theory]
    [InlineData("Auto-Submitted: auto-replied")]
    [InlineData("Auto-Submitted: auto-generated")]
    [InlineData("X-Autoreply: yes")]
    [InlineData("X-Autorespond: vacation")]
    [InlineData("X-Auto-Response-Suppress: All")]
    [InlineData("X-Auto-Response-Suppress: DR, OOF")]
    [InlineData("Return-Path: <>")]
    public void Auto_reply_headers_are_detected(string header)
    {
        Assert.Equal(MailNoiseKind.AutoReply, Detect("From: a@customer.org\r\nSubject: Re: Ticket\r\n" + header).Kind);
    }

    [Fact]
    public void Auto_submitted_no_is_a_person()
    {
        Assert.Equal(MailNoiseKind.None, Detect("From: a@customer.org\r\nSubject: Hi\r\nAuto-Submitted: no").Kind);
    }

    [Theory]
    [InlineData("Out of Office: Re: Ticket 42")]
    [InlineData("Automatic reply: Printer")]
    [InlineData("Abwesenheitsnotiz: Ihre Anfrage")]
    [InlineData("Réponse automatique : absence")]
    [InlineData("Respuesta automática: Pedido")]
    [InlineData("Risposta automatica: ordine")]
    [InlineData("Automatisch antwoord: bestelling")]
    [InlineData("Resposta automática: pedido")]
    [InlineData("自動応答: お問い合わせ")]
    public void Out_of_office_subjects_in_several_languages_are_detected(string subject)
    {
        var noise = Detect("From: a@customer.org\r\nAuto-Submitted: auto-replied\r\nSubject: " + subject);

        Assert.Equal(MailNoiseKind.OutOfOffice, noise.Kind);
        Assert.NotNull(noise.Reason);
    }

    [Theory]
    [InlineData("Precedence: bulk", MailNoiseKind.Bulk)]
    [InlineData("Precedence: junk", MailNoiseKind.Bulk)]
    [InlineData("Precedence: list", MailNoiseKind.MailingList)]
    [InlineData("List-Id: <users.lists.example.org>", MailNoiseKind.MailingList)]
    [InlineData("List-Unsubscribe: <mailto:leave@news.example.org>", MailNoiseKind.Bulk)]
    public void Bulk_and_list_mail_is_detected(string header, MailNoiseKind kind)
    {
        Assert.Equal(kind, Detect("From: news@example.org\r\nSubject: Newsletter\r\n" + header).Kind);
    }

    [Theory]
    [InlineData("MAILER-DAEMON@mx.example.org")]
    [InlineData("postmaster@example.org")]
    public void Mail_from_delivery_daemons_is_a_bounce(string sender)
    {
        Assert.Equal(MailNoiseKind.Bounce, Detect($"From: {sender}\r\nSubject: failure").Kind);
    }

    [Fact]
    public void Delivery_status_notifications_are_bounces()
    {
        var noise = MailNoiseDetector.Detect(TestData.Parse("messages/delivery-status2.txt"), Ours);

        Assert.Equal(MailNoiseKind.Bounce, noise.Kind);
    }

    [Fact]
    public void Null_sender_with_failure_subject_is_a_bounce()
    {
        Assert.Equal(MailNoiseKind.Bounce, Detect("Return-Path: <>\r\nFrom: Mail System <system@mx.example.org>\r\nSubject: Undeliverable: Ticket").Kind);
    }

    [Fact]
    public void Our_own_message_id_coming_back_is_a_loop()
    {
        var noise = Detect("From: support@tickets.example.com\r\nSubject: Re: Ticket\r\nMessage-ID: <abc.123@Tickets.Example.com>");

        Assert.Equal(MailNoiseKind.Loop, noise.Kind);
    }

    [Fact]
    public void A_reply_that_only_references_our_message_id_is_not_a_loop()
    {
        var noise = Detect("From: a@customer.org\r\nSubject: Re: Ticket\r\nMessage-ID: <x@customer.org>\r\nIn-Reply-To: <abc@tickets.example.com>");

        Assert.Equal(MailNoiseKind.None, noise.Kind);
    }
}
