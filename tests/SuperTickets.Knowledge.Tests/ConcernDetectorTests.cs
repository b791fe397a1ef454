using SuperTickets.Knowledge.Query;

namespace SuperTickets.Knowledge.Tests;

public sealed class ConcernDetectorTests
{
    [Theory]
    [InlineData("This is the third time I am writing about this.", KbConcern.RepeatContact)]
    [InlineData("I have already tried the reset link ten times.", KbConcern.RepeatContact)]
    [InlineData("It still doesn't sync after every step.", KbConcern.RepeatContact)]
    [InlineData("Das Paket ist immer noch nicht da.", KbConcern.RepeatContact)]
    [InlineData("Please reimburse the customs fee.", KbConcern.Dispute)]
    [InlineData("I shouldn't have been charged after cancelling.", KbConcern.Dispute)]
    [InlineData("Could you reissue the invoices with our new name?", KbConcern.Dispute)]
    [InlineData("I was charged 99.00 EUR on my card.", KbConcern.AccountSpecific)]
    [InlineData("Refund reference RF-55812 never arrived.", KbConcern.AccountSpecific)]
    [InlineData("URGENT: production is down for all our sites.", KbConcern.Urgent)]
    [InlineData("Since the firmware update the schedule skips a block.", KbConcern.BugReport)]
    [InlineData("I think my account was hacked, someone changed my email.", KbConcern.Security)]
    [InlineData("The agent was rude and I expect an apology.", KbConcern.Complaint)]
    [InlineData("Can we schedule a call next week?", KbConcern.Business)]
    [InlineData("It would be great if the app had a vacation mode.", KbConcern.FeatureIdea)]
    public void Phrases_raise_their_concern(string text, KbConcern concern)
    {
        Assert.Contains(concern, ConcernDetector.Detect(text));
    }

    [Theory]
    [InlineData("How do I make a formal complaint and how long do you take to respond?")]
    [InlineData("What is your refund policy for annual subscriptions? How do I ask for a refund?")]
    [InlineData("Where can I suggest a feature and vote on ideas?")]
    [InlineData("My card expired, how do I update the payment method before the renewal?")]
    [InlineData("I still have the box and the receipt if you need them.")]
    public void Plain_questions_about_a_topic_raise_no_concern(string text)
    {
        Assert.Empty(ConcernDetector.Detect(text));
    }
}
