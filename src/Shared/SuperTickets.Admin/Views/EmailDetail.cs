using SuperTickets.Data;

namespace SuperTickets.Admin.Views;

/// <summary>A stored email: where it came from and its status, its parsed view and what every stage did with it.</summary>
public sealed record EmailDetail(RawEmailRecord Email, ParsedEmailView? Parsed, IReadOnlyList<InteractionView> Interactions);
