namespace SuperTickets.Contracts;

/// <summary>
/// Triage verdict for one email: what it is, how urgent, and which conversation it belongs to.
/// <see cref="Noise"/> names why no automatic reply may go out (auto-reply, bounce, list mail, loop), if any.
/// </summary>
public sealed record EmailTriaged(
    long EmailId,
    string ConversationKey,
    string Category,
    double CategoryConfidence,
    bool CategoryUnsure,
    string? Intent,
    string Priority,
    IReadOnlyList<string> PriorityReasons,
    double Sentiment,
    string Language,
    string? Noise,
    long? ExistingTicketId,
    bool IsMeetingRequest,
    IReadOnlyList<string> Alerts,
    long? DuplicateOfEmailId = null);
