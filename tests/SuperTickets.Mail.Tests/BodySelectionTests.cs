namespace SuperTickets.Mail.Tests;

public sealed class BodySelectionTests
{
    private const string Text = "This is the text body.";
    private const string Html = "<html>This is an <b>html</b> body.</html>";

    public static TheoryData<string, string?, string?> Expectations() => new()
    {
        { "body.1.txt", Text, null },
        { "body.2.txt", null, Html },
        { "body.3.txt", Text, Html },
        { "body.4.txt", null, Html },
        { "body.5.txt", Text, Html },
        { "body.6.txt", Text, Html },
        { "body.7.txt", Text, Html },
        { "body.8.txt", Text, null },
        { "body.9.txt", null, Html },
    };

    [Theory]
    [MemberData(nameof(Expectations))]
    public void Text_and_html_bodies_are_chosen_like_mail_clients_do(string file, string? text, string? html)
    {
        var email = TestData.Parse("messages/" + file);

        Assert.Equal(text, email.TextBody?.TrimEnd('\n'));
        Assert.Equal(html, email.HtmlBody?.TrimEnd('\n'));
    }

    [Fact]
    public void Best_text_body_converts_html_when_there_is_no_text_part()
    {
        var email = TestData.Parse("messages/body.2.txt");

        Assert.Equal("This is an html body.", email.BestTextBody);
    }

    [Fact]
    public void Related_images_and_attached_documents_are_listed_as_attachments()
    {
        var email = TestData.Parse("messages/body.6.txt");

        Assert.Equal(["empty.gif", "empty.jpg", "document.txt"], email.Attachments.Select(a => a.FileName));
        Assert.True(email.Attachments[0].IsInline);
        Assert.False(email.Attachments[2].IsInline);
        Assert.Equal("This is an attached document.", System.Text.Encoding.ASCII.GetString(email.Attachments[2].Content.Span).TrimEnd());
    }

    [Fact]
    public void Empty_nested_multipart_falls_back_to_the_first_text_part()
    {
        var email = TestData.Parse("messages/empty-multipart.txt");

        Assert.StartsWith("This part should be on the same level", email.TextBody);
        Assert.Contains("empty multipart", email.Defects);
    }

    [Fact]
    public void Html_only_newsletter_converts_to_readable_text_and_lists_its_images()
    {
        var email = TestData.Parse("large/xamarin3.eml");

        Assert.Null(email.TextBody);
        Assert.StartsWith("Today we are very excited to announce Xamarin 3", email.BestTextBody);
        Assert.DoesNotContain("<", email.BestTextBody.Split('\n')[0]);
        Assert.Equal(18, email.Attachments.Count);
        Assert.All(email.Attachments, a => Assert.Equal("image/png", a.ContentType));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], email.Attachments[0].Content[..4].ToArray());
    }
}
