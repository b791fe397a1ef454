using SuperTickets.Data;

namespace SuperTickets.Pipeline.Resolve;

/// <summary>
/// What resolve needs to know about the senders of one batch, read inside its transaction with one statement per kind
/// for the whole batch (not three or four per email): the customer record, the tickets opened in the last week (smart
/// score) and the automatic replies sent in the auto-reply window (the loop guard). The batch's own tickets and
/// automatic replies are counted in as they are written, so each email sees what a query at its turn would have seen.
/// </summary>
internal sealed class SenderHistory(CustomerStore customers, OutboundEmailStore outbound)
{
    /// <summary>The window of <see cref="Sender.RecentTickets"/>.</summary>
    public static readonly TimeSpan RecentTicketWindow = TimeSpan.FromDays(7);

    private readonly Dictionary<string, Sender> _senders = new(StringComparer.Ordinal);

    /// <summary>
    /// Reads the senders not read yet; <paramref name="replyWindow"/> is the auto-reply cap's window. The customers of
    /// <paramref name="requesters"/> (the senders of the batch's likely new requests) are created now if they are new,
    /// all in one statement, instead of one at a time as their tickets are opened.
    /// </summary>
    public async Task LoadAsync(DbSession session, IEnumerable<string> addresses, IReadOnlyList<(string Address, string? Name)> requesters,
        DateTimeOffset now, TimeSpan replyWindow, CancellationToken ct)
    {
        var missing = addresses.Concat(requesters.Select(r => r.Address)).Select(Key)
            .Where(a => !_senders.ContainsKey(a)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        var known = new Dictionary<string, CustomerRecord>(await customers.FindManyAsync(session, missing, ct), StringComparer.Ordinal);
        var unread = missing.ToHashSet(StringComparer.Ordinal);
        var creating = requesters.Where(r => unread.Contains(Key(r.Address)) && !known.ContainsKey(CustomerStore.Normalize(r.Address))).ToList();
        if (creating.Count > 0)
        {
            foreach (var (address, customer) in await customers.UpsertManyAsync(session, creating, ct))
            {
                known[address] = customer;
            }
        }
        // A customer created just now has no tickets yet.
        var tickets = await customers.CountTicketsSinceManyAsync(session, known.Values.Where(c => !c.IsNew).Select(c => c.Id).ToList(), now - RecentTicketWindow, ct);
        var replies = await outbound.CountAutomaticSinceManyAsync(session, missing, now - replyWindow, ct);
        foreach (var address in missing)
        {
            var customer = known.GetValueOrDefault(CustomerStore.Normalize(address));
            _senders[address] = new Sender
            {
                Customer = customer,
                RecentTickets = customer is null ? 0 : tickets.GetValueOrDefault(customer.Id),
                AutomaticReplies = replies.GetValueOrDefault(address),
            };
        }
    }

    /// <summary>The sender of <paramref name="address"/>, read first if it was not part of the batch.</summary>
    public async Task<Sender> GetAsync(DbSession session, string address, DateTimeOffset now, TimeSpan replyWindow, CancellationToken ct)
    {
        await LoadAsync(session, [address], [], now, replyWindow, ct);
        return _senders[Key(address)];
    }

    /// <summary>
    /// The sender's customer, created if new. A customer created by this call (or by another process since the batch was
    /// read) gets its own ticket count; later emails of the batch from the same address find it here.
    /// </summary>
    public async Task<CustomerRecord> CustomerAsync(DbSession session, Sender sender, string address, string? name, DateTimeOffset now, CancellationToken ct)
    {
        if (sender.Customer is { } known)
        {
            return known;
        }
        var customer = await customers.UpsertAsync(session, address, name, ct);
        if (!customer.IsNew)
        {
            sender.RecentTickets = await customers.CountTicketsSinceAsync(session, customer.Id, now - RecentTicketWindow, ct);
        }
        sender.Customer = customer;
        return customer;
    }

    /// <summary>Outbound recipients are stored in lower case; the loop guard counts by that spelling.</summary>
    private static string Key(string address) => address.ToLowerInvariant();

    public sealed class Sender
    {
        public CustomerRecord? Customer { get; set; }

        /// <summary>Tickets of this customer created within <see cref="RecentTicketWindow"/>, this batch's included.</summary>
        public int RecentTickets { get; set; }

        /// <summary>Automatic replies to this address within the auto-reply window, this batch's included.</summary>
        public int AutomaticReplies { get; set; }
    }
}
