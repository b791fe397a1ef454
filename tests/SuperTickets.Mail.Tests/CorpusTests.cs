namespace SuperTickets.Mail.Tests;

public sealed class CorpusTests
{
    public static TheoryData<string> Files() => new(TestData.MessageFiles());

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_corpus_message_parses_without_exception(string file)
    {
        var email = TestData.Parse(file);

        Assert.True(email.SizeBytes > 0);
        Assert.DoesNotContain(email.Defects, d => d.StartsWith("unparseable", StringComparison.Ordinal));
        Assert.NotNull(email.BestTextBody);
        foreach (var attachment in email.Attachments)
        {
            Assert.True(attachment.Size >= 0);
            Assert.False(string.IsNullOrEmpty(attachment.ContentType));
        }
    }

    [Fact]
    public void Every_message_of_the_mbox_file_parses_and_has_a_sender()
    {
        var messages = TestData.SplitMbox(File.ReadAllBytes(TestData.Mime("mbox/content-length.mbox")));

        Assert.True(messages.Count > 1);
        foreach (var raw in messages)
        {
            var email = MimeParser.Parse(raw);
            Assert.NotNull(email.From);
            Assert.NotNull(email.MessageId);
            Assert.DoesNotContain(email.Defects, d => d.StartsWith("unparseable", StringComparison.Ordinal));
        }
    }
}
