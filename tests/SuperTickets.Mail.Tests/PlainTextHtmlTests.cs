namespace SuperTickets.Mail.Tests;

public sealed class PlainTextHtmlTests
{
    [Fact]
    public void Html_alternative_escapes_markup_and_keeps_paragraphs_and_lines()
    {
        var html = PlainTextHtml.From("Hello <Ana> & co,\n\nLine one\nLine two\r\n\r\nBye");

        Assert.Contains("<p>Hello &lt;Ana&gt; &amp; co,</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Line one<br>Line two</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Bye</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<Ana>", html, StringComparison.Ordinal);
    }
}
