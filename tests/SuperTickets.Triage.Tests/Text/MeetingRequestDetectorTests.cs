using SuperTickets.Triage.Text;

namespace SuperTickets.Triage.Tests.Text;

public sealed class MeetingRequestDetectorTests
{
    [Theory]
    [InlineData("Could we schedule a call next Tuesday to go through the rollout?")]
    [InlineData("Can we talk about the contract renewal?")]
    [InlineData("Are you available for a quick call tomorrow?")]
    [InlineData("Please call me back at your convenience.")]
    [InlineData("Können wir einen Termin für ein Telefonat vereinbaren?")]
    [InlineData("Pouvons-nous organiser un appel jeudi ?")]
    [InlineData("¿Podemos programar una llamada la próxima semana?")]
    [InlineData("Possiamo fissare una chiamata?")]
    public void Requests_for_a_call_or_meeting_are_recognized(string text)
    {
        Assert.True(MeetingRequestDetector.IsMeetingRequest(text));
    }

    [Theory]
    [InlineData("The camera in our meeting room is offline.")]
    [InlineData("I called your hotline twice yesterday.")]
    [InlineData("Please send the invoice.")]
    public void Ordinary_support_mail_is_not_a_meeting_request(string text)
    {
        Assert.False(MeetingRequestDetector.IsMeetingRequest(text));
    }
}
