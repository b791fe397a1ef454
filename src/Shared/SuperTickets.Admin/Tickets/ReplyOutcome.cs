using SuperTickets.Data;

namespace SuperTickets.Admin.Tickets;

/// <summary>The stored reply (null when the ticket does not exist) and whether this request created it.</summary>
public sealed record ReplyOutcome(OutboundEmailRecord? Email, bool Created);
