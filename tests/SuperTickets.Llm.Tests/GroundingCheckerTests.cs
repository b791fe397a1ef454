using SuperTickets.Llm.Answers;
using SuperTickets.Llm.Tests.Fakes;

namespace SuperTickets.Llm.Tests;

public sealed class GroundingCheckerTests
{
    private static readonly string ArticleText = Samples.Article.Title + "\n\n" + Samples.Article.Body;

    private static GroundingVerdict Check(string draft, string cited = "charged-twice", string? request = null, int maxChars = 3000) =>
        GroundingChecker.Check(draft, cited, Samples.Article.Id, ArticleText, request ?? "Subject: " + Samples.Subject + "\n\n" + Samples.Body, maxChars);

    [Fact]
    public void Faithful_paraphrase_with_the_articles_contacts_and_figures_is_grounded()
    {
        var verdict = Check(Samples.FaithfulDraft);

        Assert.True(verdict.Grounded, string.Join("; ", verdict.Violations));
    }

    [Fact]
    public void Numbered_steps_and_numbers_the_article_spells_out_are_grounded()
    {
        var verdict = Check("""
            1. Collect both invoice numbers; they start with NC-.
            2. Write to support@nimbus.example.
            3. The duplicate is refunded within 2 business days, and the Plus plan stays at €9.99 per month.
            """);

        Assert.True(verdict.Grounded, string.Join("; ", verdict.Violations));
    }

    [Theory]
    [InlineData("Claim your refund at https://nimbus-refunds.example/claim within two business days.", GroundingChecker.UnknownUrl)]
    [InlineData("Claim your refund at www.nimbus.example/refunds within two business days.", GroundingChecker.UnknownUrl)]
    [InlineData("We refund the duplicate of €19.99 within two business days of confirming it.", GroundingChecker.UnknownPrice)]
    [InlineData("We refund the duplicate of 9.99 USD within two business days of confirming it.", GroundingChecker.UnknownPrice)]
    [InlineData("Call our billing team on +1 212 555 0147 and we refund the duplicate right away.", GroundingChecker.UnknownPhone)]
    [InlineData("We refund 50% of the duplicate within two business days of confirming it.", GroundingChecker.UnknownPercentage)]
    [InlineData("We refund the duplicate to the original payment method within 5 business days.", GroundingChecker.UnknownNumber)]
    [InlineData("Write to refunds@nimbus.example and we refund the duplicate within two business days.", GroundingChecker.UnknownEmail)]
    [InlineData("Dear [customer name], we refund the duplicate within two business days.", GroundingChecker.Placeholder)]
    [InlineData("We refund the duplicate within two business days, {{ticket_number}}.", GroundingChecker.Placeholder)]
    [InlineData("We will confirm the refund to [email] within two business days of checking it.", GroundingChecker.Placeholder)]
    [InlineData("TODO: explain how the duplicate charge is refunded to the card.", GroundingChecker.Placeholder)]
    [InlineData("We refund it.", GroundingChecker.TooShort)]
    public void Invented_contacts_figures_and_leftovers_are_rejected(string draft, string violation)
    {
        var verdict = Check(draft);

        Assert.False(verdict.Grounded);
        Assert.Equal([violation], verdict.Violations);
    }

    [Fact]
    public void Citing_another_article_is_rejected()
    {
        var verdict = Check(Samples.FaithfulDraft, cited: "refund-policy");

        Assert.Equal([GroundingChecker.WrongCitation], verdict.Violations);
    }

    [Fact]
    public void A_draft_over_the_limit_is_rejected()
    {
        var verdict = Check(Samples.FaithfulDraft, maxChars: 200);

        Assert.Equal([GroundingChecker.TooLong], verdict.Violations);
    }

    [Fact]
    public void Every_broken_rule_is_named_once_in_rule_order()
    {
        var verdict = Check("Hi [name]. Pay €5 at pay.example.com or €6 at pay2.example.com, then call +1 212 555 0147.", cited: "other");

        Assert.Equal([GroundingChecker.WrongCitation, GroundingChecker.Placeholder, GroundingChecker.UnknownUrl, GroundingChecker.UnknownPhone,
            GroundingChecker.UnknownPrice], verdict.Violations);
    }

    [Fact]
    public void Contact_details_and_numbers_from_the_request_may_be_repeated_but_its_links_may_not()
    {
        const string request = "Subject: Refund\n\nPlease call me back on +44 20 7946 0958 about order 48213, see https://my-blog.example/post.";

        Assert.True(Check("We will call you back on +44 20 7946 0958 about order 48213 within two business days.", request: request).Grounded);
        Assert.Equal([GroundingChecker.UnknownUrl],
            Check("We read https://my-blog.example/post and refund the duplicate within two business days.", request: request).Violations);
    }

    [Fact]
    public void A_bare_host_from_an_article_link_is_grounded()
    {
        Assert.True(Check("Your invoices are listed on app.nimbus.example, under billing, for every period.").Grounded);
    }
}
