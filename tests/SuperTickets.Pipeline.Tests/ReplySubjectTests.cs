using SuperTickets.Contracts;
using SuperTickets.Pipeline.Resolve;

namespace SuperTickets.Pipeline.Tests;

public sealed class ReplySubjectTests
{
    [Theory]
    [InlineData("How do I reset my password?", "Re: How do I reset my password? [#ST-1042]")]
    [InlineData("RE: AW: Fwd: Rechnung", "Re: Rechnung [#ST-1042]")]
    [InlineData("Re: Login [#ST-1042]", "Re: Login [#ST-1042]")]
    [InlineData("", "Re: Your request [#ST-1042]")]
    public void Reply_subject_has_one_prefix_and_one_ticket_token(string original, string expected) =>
        Assert.Equal(expected, ReplyComposer.ReplySubject(original, 42));

    [Fact]
    public void Ticket_token_round_trips_through_a_subject()
    {
        var subject = ReplyComposer.ReplySubject("Camera offline", 77);
        Assert.Equal(77, TicketNumber.FindInSubject("Re: " + subject));
        Assert.Null(TicketNumber.FindInSubject("Order #ST-1077 without brackets"));
    }
}
