using SuperTickets.Data;
using SuperTickets.Knowledge;

namespace SuperTickets.Pipeline.Resolve;

/// <summary>
/// What the first reply to a new request is written from, besides the email itself: the automatic answer when
/// <see cref="Article"/> is set, otherwise the acknowledgement. Two equal values give the same reply.
/// </summary>
internal sealed record FirstReply(
    long TicketId,
    DateTimeOffset Now,
    KbArticle? Article,
    string? DraftedBody,
    string Category,
    string Priority,
    DateTimeOffset? FirstResponseDue)
{
    public static FirstReply AutoAnswer(long ticketId, DateTimeOffset now, KbArticle article, string? draftedBody, string category, string priority) =>
        new(ticketId, now, article, draftedBody, category, priority, null);

    public static FirstReply Acknowledgement(long ticketId, DateTimeOffset now, string category, string priority, DateTimeOffset? firstResponseDue) =>
        new(ticketId, now, null, null, category, priority, firstResponseDue);

    public OutboundEmailRecord Compose(ReplyComposer composer, ParsedEmailRecord email) => Article is { } article
        ? composer.AutoAnswer(email, TicketId, article, DraftedBody, Now)
        : composer.Acknowledgement(email, TicketId, Category, Priority, FirstResponseDue, Now);
}

/// <summary>
/// A first reply written before the transaction, for a ticket id reserved then (<see cref="TicketIdReservations"/>).
/// The transaction stores <see cref="Email"/> only when the reply it decides on is <see cref="Reply"/>; otherwise (the
/// auto-reply cap was reached meanwhile, the customer turned out to be a VIP, ...) it writes its own.
/// </summary>
internal sealed record PrecomposedReply(FirstReply Reply, OutboundEmailRecord Email);
