using SuperTickets.Knowledge.Query;

namespace SuperTickets.Knowledge.Tests;

public sealed class EmailTextTests
{
    [Fact]
    public void Subject_loses_reply_prefixes_and_ticket_tokens()
    {
        var (subject, body) = EmailText.Split("RE: AW: Invoice question [#NT-48213]\nWhere are my invoices?");

        Assert.Equal("Invoice question", subject);
        Assert.Equal("Where are my invoices?", body);
    }

    [Fact]
    public void Single_line_query_is_all_body()
    {
        Assert.Equal(("", "how do I reset my password"), EmailText.Split("how do I reset my password"));
    }

    [Theory]
    [InlineData("Hi team,\n\nThe app crashes.\n\nThanks,\nAnna", "The app crashes.")]
    [InlineData("Hallo,\n\nDie App stürzt ab.\n\nMit freundlichen Grüßen\nAnna Beispiel", "Die App stürzt ab.")]
    [InlineData("Hola,\n\nLa app falla.\n\nSaludos cordiales,\nJavier", "La app falla.")]
    [InlineData("Bonjour,\n\nL'application plante.\n\nCordialement,\nCamille", "L'application plante.")]
    [InlineData("Dear support,\nI hope you are well. The app crashes.\nBest regards,\nJo\nExample Ltd\nSent from my iPhone", "The app crashes.")]
    public void Greeting_courtesy_and_sign_off_with_signature_are_dropped(string body, string expected)
    {
        Assert.Equal(expected, EmailText.CleanBody(body));
    }

    [Fact]
    public void A_short_thanks_line_followed_by_more_text_is_not_taken_for_a_sign_off()
    {
        const string body = "Hi,\nThanks for the fast help last time.\nNow the camera is offline again and the light blinks red. It worked yesterday and nothing changed on my side, I checked the router twice and restarted it.\nThe garage camera is the only one affected.\nIt is mounted outside.\nWhat should I do next?\nRegards,\nMo";

        var cleaned = EmailText.CleanBody(body);

        Assert.Contains("camera is offline again", cleaned);
        Assert.DoesNotContain("Mo", cleaned.Split('\n').Last());
    }
}
