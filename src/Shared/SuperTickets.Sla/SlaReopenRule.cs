namespace SuperTickets.Sla;

/// <summary>What a reopened ticket does to its resolution clock.</summary>
public enum SlaReopenRule
{
    /// <summary>The clock continues from the business time it had when solved; the solved period does not count.</summary>
    Resume,

    /// <summary>The clock starts again from zero at the reopen instant with the full resolution target.</summary>
    Restart,
}
