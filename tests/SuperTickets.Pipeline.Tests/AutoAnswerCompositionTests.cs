using Microsoft.Extensions.Options;
using SuperTickets.Data;
using SuperTickets.Knowledge;
using SuperTickets.Mail;
using SuperTickets.Pipeline.Resolve;

namespace SuperTickets.Pipeline.Tests;

public sealed class AutoAnswerCompositionTests
{
    private static readonly KbArticle Article = new("reset-password", "Resetting your password",
        "Select **Forgot password?** on the sign-in page.", "account_access", [], "en", DateTimeOffset.UnixEpoch);

    private static readonly ParsedEmailRecord Email = new()
    {
        RawEmailId = 7, MessageId = "q-7@example.com", Subject = "Password?", FromName = "Ana Silva", FromAddress = "ana@example.com",
    };

    private static readonly ReplyComposer Composer = new(
        Options.Create(new MailOptions { SupportAddress = "support@nimbus.example", MessageIdDomain = "support.nimbus.example", SupportName = "Nimbus Support" }),
        TimeProvider.System);

    [Fact]
    public void Drafted_answer_replaces_the_article_and_keeps_greeting_citation_footer_and_signature()
    {
        var mail = Composer.AutoAnswer(Email, 42, Article, "Use Forgot password? on the sign-in page to choose a new one.\n");

        var text = MimeParser.Parse(mail.Content).TextBody!.ReplaceLineEndings("\n");
        Assert.StartsWith("Hello Ana,\n\nUse Forgot password? on the sign-in page to choose a new one.\n\n(Source: knowledge-base article \"reset-password\".)\n\n", text, StringComparison.Ordinal);
        Assert.Contains("your request ST-1042 goes straight to our team", text, StringComparison.Ordinal);
        Assert.EndsWith("Kind regards,\nNimbus Support", text.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("Resetting your password", text, StringComparison.Ordinal);
        Assert.Equal(("auto_answer", "auto_answer:7"), (mail.Kind, mail.IdempotencyKey));
    }

    [Fact]
    public void Without_a_draft_the_article_itself_is_sent()
    {
        var text = MimeParser.Parse(Composer.AutoAnswer(Email, 42, Article).Content).TextBody!.ReplaceLineEndings("\n");

        Assert.Contains("Resetting your password\n=======================\n\nSelect **Forgot password?** on the sign-in page.\n\n(Source: knowledge-base article \"reset-password\".)",
            text, StringComparison.Ordinal);
    }
}
