namespace SuperTickets.Data;

/// <summary>A raw email to store with the status it starts in (and why, when that is quarantine).</summary>
public sealed record RawEmailRow(RawEmailInsert Email, string Status, string? QuarantineReason);
