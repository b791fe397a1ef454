namespace SuperTickets.Mail.Tests;

public sealed class ReplyExtractorTests
{
    private const string Reply = "Thanks, that fixed it.\nThe printer works again.";

    [Fact]
    public void Plain_message_is_returned_trimmed()
    {
        Assert.Equal(Reply, ReplyExtractor.Extract("\n" + Reply + "\n\n"));
    }

    [Fact]
    public void Gmail_quote_header_wrapped_over_two_lines_is_cut()
    {
        var text = Reply + "\n\nOn Mon, Mar 3, 2025 at 10:15 AM Support Team <\nsupport@tickets.example.com> wrote:\n> Please restart the printer.\n";

        Assert.Equal(Reply, ReplyExtractor.Extract(text));
    }

    [Fact]
    public void Quoted_lines_without_header_are_removed()
    {
        Assert.Equal(Reply, ReplyExtractor.Extract("> old text\n> more old text\n" + Reply));
    }

    [Fact]
    public void Outlook_original_message_separator_is_cut()
    {
        var text = Reply + "\r\n\r\n-----Original Message-----\r\nFrom: Support\r\nSent: Monday\r\nSubject: Ticket\r\n\r\nPlease restart.";

        Assert.Equal(Reply, ReplyExtractor.Extract(text));
    }

    [Fact]
    public void Outlook_header_block_after_underscores_is_cut()
    {
        var text = Reply + "\n\n________________________________\nFrom: Support <support@tickets.example.com>\nSent: Monday, March 3, 2025 10:15\nTo: Ann\nSubject: RE: Ticket 42\n\nPlease restart.";

        Assert.Equal(Reply, ReplyExtractor.Extract(text));
    }

    [Fact]
    public void Outlook_header_block_without_separator_is_cut()
    {
        var text = Reply + "\n\nFrom: Support <support@tickets.example.com>\nSent: Monday, March 3, 2025 10:15\nTo: Ann\nSubject: RE: Ticket 42\n\nPlease restart.";

        Assert.Equal(Reply, ReplyExtractor.Extract(text));
    }

    [Fact]
    public void Apple_mail_attribution_is_cut()
    {
        var text = Reply + "\n\n> On 3 Mar 2025, at 10:15, Support <support@tickets.example.com> wrote:\n> \n> Please restart.";

        Assert.Equal(Reply, ReplyExtractor.Extract(text));
        Assert.Equal(Reply, ReplyExtractor.Extract(Reply + "\n\nOn 3 Mar 2025, at 10:15, Support <support@tickets.example.com> wrote:\n\n> Please restart."));
    }

    [Fact]
    public void Thunderbird_attribution_and_original_message_are_cut()
    {
        Assert.Equal(Reply, ReplyExtractor.Extract(Reply + "\n\nOn 03/03/2025 10:15, Support Team wrote:\n> Please restart."));
        Assert.Equal(Reply, ReplyExtractor.Extract(Reply + "\n\n-------- Original Message --------\nSubject: Ticket\n"));
    }

    [Theory]
    [InlineData("Am 03.03.2025 um 10:15 schrieb Support <support@tickets.example.com>:")]
    [InlineData("Le lun. 3 mars 2025 à 10:15, Support <support@tickets.example.com> a écrit :")]
    [InlineData("El lun, 3 mar 2025 a las 10:15, Support (<support@tickets.example.com>) escribió:")]
    [InlineData("Op ma 3 mrt 2025 om 10:15 schreef Support <support@tickets.example.com>:")]
    [InlineData("Em seg., 3 de mar. de 2025 às 10:15, Support <support@tickets.example.com> escreveu:")]
    [InlineData("Il giorno lun 3 mar 2025 alle ore 10:15 Support <support@tickets.example.com> ha scritto:")]
    [InlineData("-----Ursprüngliche Nachricht-----")]
    [InlineData("-----Message d'origine-----")]
    [InlineData("-----Mensaje original-----")]
    public void Localized_quote_headers_are_cut(string header)
    {
        Assert.Equal(Reply, ReplyExtractor.Extract(Reply + "\n\n" + header + "\n> Bitte starten Sie den Drucker neu.\nold"));
    }

    [Fact]
    public void Localized_outlook_header_block_is_cut()
    {
        var text = Reply + "\n\nVon: Support <support@tickets.example.com>\nGesendet: Montag, 3. März 2025 10:15\nAn: Ann\nBetreff: AW: Ticket 42\n\nalt";

        Assert.Equal(Reply, ReplyExtractor.Extract(text));
    }

    [Fact]
    public void Signature_after_delimiter_is_removed()
    {
        Assert.Equal(Reply, ReplyExtractor.Extract(Reply + "\n-- \nAnn Example\nACME Corp\n+1 555 0100"));
    }

    [Theory]
    [InlineData("Sent from my iPhone")]
    [InlineData("Get Outlook for Android")]
    [InlineData("Von meinem iPhone gesendet")]
    [InlineData("Envoyé de mon iPhone")]
    [InlineData("Enviado desde mi iPhone")]
    public void Mobile_signatures_are_removed(string signature)
    {
        Assert.Equal(Reply, ReplyExtractor.Extract(Reply + "\n\n" + signature + "\n\nOn Mon wrote stuff"));
    }

    [Fact]
    public void Inline_answers_between_quotes_are_kept()
    {
        var text = "> Is the printer on?\nYes, it is.\n> Did you restart it?\nTwice.";

        Assert.Equal("Yes, it is.\nTwice.", ReplyExtractor.Extract(text));
    }

    [Fact]
    public void Sentence_mentioning_someone_who_wrote_is_not_a_quote_header()
    {
        var text = "This is what my colleague wrote:\nthe invoice is wrong.";

        Assert.Equal(text, ReplyExtractor.Extract(text));
    }

    [Fact]
    public void Message_of_only_quotes_yields_empty_text()
    {
        Assert.Equal(string.Empty, ReplyExtractor.Extract("On Mon, Mar 3, 2025 at 10:15 AM Support <s@example.com> wrote:\n> hi"));
    }
}
