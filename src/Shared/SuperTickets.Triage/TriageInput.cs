namespace SuperTickets.Triage;

/// <summary>What triage looks at for one incoming email.</summary>
/// <param name="Subject">Subject line.</param>
/// <param name="Body">Plain-text body (quoted history ideally removed).</param>
/// <param name="SenderDomain">Domain of the sender address, if known.</param>
/// <param name="IsVip">Sender is a VIP customer.</param>
/// <param name="PriorContactsLast7Days">How many times this sender wrote in the last seven days before this email.</param>
/// <param name="AlertKeywords">Topic alert keywords or phrases to look for (case-insensitive, whole words).</param>
public sealed record TriageInput(
    string Subject,
    string Body,
    string? SenderDomain,
    bool IsVip,
    int PriorContactsLast7Days,
    IReadOnlyList<string> AlertKeywords);
