namespace SuperTickets.Mail;

/// <summary>Why an incoming message should not be treated as a person writing to support.</summary>
public enum MailNoiseKind
{
    None,
    AutoReply,
    OutOfOffice,
    Bounce,
    Bulk,
    MailingList,
    Loop,
}
