using System.Text.Json;
using SuperTickets.Contracts;
using SuperTickets.Data;

namespace SuperTickets.Pipeline;

/// <summary>Finds the ticket an email continues: In-Reply-To/References first, then the ticket token in the subject.</summary>
public sealed class ConversationThreading(TicketStore tickets)
{
    public async Task<(long? TicketId, string? ThreadedBy)> FindTicketAsync(DbSession session, ParsedEmailRecord email, CancellationToken ct)
    {
        var ids = (JsonSerializer.Deserialize<List<string>>(email.ReferencesJson) ?? [])
            .Append(email.InReplyTo)
            .OfType<string>()
            .Distinct()
            .ToList();
        if (await tickets.FindByMessageIdsAsync(session, ids, ct) is { } byReference)
        {
            return (byReference, "references");
        }
        if (TicketNumber.FindInSubject(email.Subject) is { } byToken && await tickets.GetAsync(session, byToken, ct) is not null)
        {
            return (byToken, "subject token");
        }
        return (null, null);
    }
}
