namespace SuperTickets.Knowledge;

/// <summary>
/// Reasons in a message to let a person answer it even when an article matches its topic; see
/// <see cref="KbEvidence.Concerns"/>.
/// </summary>
public enum KbConcern
{
    /// <summary>The customer already tried the usual steps or is writing again ("third time", "still not").</summary>
    RepeatContact,

    /// <summary>A specific charge, decision or invoice is disputed, or a correction, refund or exception is demanded.</summary>
    Dispute,

    /// <summary>Account-specific facts: amounts, reference numbers, dates.</summary>
    AccountSpecific,

    /// <summary>An outage or an urgent, business-wide failure.</summary>
    Urgent,

    /// <summary>A defect report: something broke after an update, reproduction steps, crash ids.</summary>
    BugReport,

    /// <summary>A possible account takeover or other security incident.</summary>
    Security,

    /// <summary>Strong dissatisfaction with a person, a decision or a price.</summary>
    Complaint,

    /// <summary>Sales, partnership, legal, press or meeting requests.</summary>
    Business,

    /// <summary>A concrete product idea rather than a question about how ideas are handled.</summary>
    FeatureIdea,
}
