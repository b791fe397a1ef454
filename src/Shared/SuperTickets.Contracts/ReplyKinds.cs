namespace SuperTickets.Contracts;

public static class ReplyKinds
{
    public const string AutoAnswer = "auto_answer";
    public const string Acknowledgement = "acknowledgement";
    public const string AgentReply = "agent_reply";
    public const string MeetingInvitation = "meeting_invitation";
    public const string Escalation = "escalation";
}
