using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SuperTickets.Data;
using SuperTickets.Contracts;
using SuperTickets.Mail;
using SuperTickets.Pipeline.Resolve.Meetings;

namespace SuperTickets.Pipeline.Tests;

/// <summary>
/// Resolve writes the first replies of likely new requests before its transaction, for ticket ids reserved then; the
/// transaction must store exactly what it would have written itself.
/// </summary>
public sealed class PrecomposedReplyTests
{
    [Fact]
    public async Task New_tickets_of_a_batch_are_numbered_in_order_and_each_reply_names_its_own_ticket()
    {
        await using var harness = await ResolveHarness.CreateAsync();
        var verdicts = new List<EmailTriaged>();
        for (var i = 0; i < 5; i++)
        {
            var id = await harness.IngestAsync(ResolveDecisionTests.Mail($"order-{i}@example.com", $"Export fails {i}", "The CSV export stops halfway.",
                from: $"Sender {i} <sender{i}@example.com>"));
            verdicts.Add(ResolveHarness.Verdict(id, "bug_report"));
        }

        await harness.ResolveBatchAsync(verdicts);
        var later = await harness.IngestAsync(ResolveDecisionTests.Mail("order-later@example.com", "Import fails", "The import stops.", from: "Late <late@example.com>"));
        await harness.ResolveAsync(ResolveHarness.Verdict(later, "bug_report"));

        await using var db = harness.Open();
        var rows = (await db.QueryAsync<(long TicketId, long RootEmailId, string Subject, byte[] Content)>("""
            SELECT t.id, t.root_email_id, o.subject, o.content FROM tickets t JOIN outbound_emails o ON o.ticket_id = t.id ORDER BY t.id
            """)).ToList();
        Assert.Equal([1L, 2, 3, 4, 5, 6], rows.Select(r => r.TicketId));
        Assert.Equal(verdicts.Select(v => v.EmailId).Append(later), rows.Select(r => r.RootEmailId));
        foreach (var row in rows)
        {
            var number = TicketNumber.Format(row.TicketId);
            var mail = MimeParser.Parse(row.Content);
            Assert.EndsWith(TicketNumber.SubjectToken(row.TicketId), row.Subject);
            Assert.Equal(number, mail.Header("X-SuperTickets-Ticket"));
            Assert.Contains($"opened ticket {number}", mail.TextBody);
        }
    }

    [Fact]
    public async Task A_customer_made_vip_after_the_reply_was_written_gets_the_vip_acknowledgement()
    {
        var readDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = await ResolveHarness.CreateAsync(services: s => s.AddSingleton<IMeetingSlotFinder>(new SignallingSlotFinder(readDone)));
        var id = await harness.IngestAsync(ResolveDecisionTests.Mail("vip-1@example.com", "Call about our contract", "Can we talk about the renewal?",
            from: "Vera <vera@example.com>"));
        await using (var db = harness.Open())
        {
            await db.ExecuteAsync("INSERT INTO customers (email, name, tier, created_at) VALUES ('vera@example.com', 'Vera', 'standard', '2026-11-01 00:00:00+00:00')");
        }

        // Hold the write lock: resolve reads (tier standard) and then waits for it to reserve the ticket id, so the
        // reply it writes next is for a standard customer. Meanwhile the customer becomes a VIP.
        var writer = await harness.Services.GetRequiredService<DbConnectionFactory>().OpenWriterAsync(default);
        var resolving = harness.ResolveAsync(ResolveHarness.Verdict(id, "billing", "high", meeting: true));
        await readDone.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await writer.Connection.ExecuteAsync("UPDATE customers SET tier = 'vip' WHERE email = 'vera@example.com'");
        await writer.DisposeAsync();
        await resolving.WaitAsync(TimeSpan.FromSeconds(30));

        await using var check = harness.Open();
        Assert.Equal("vip-high", await check.ExecuteScalarAsync<string>("SELECT sla_policy_id FROM tickets"));
        var acknowledgement = await check.ExecuteScalarAsync<byte[]>("SELECT content FROM outbound_emails WHERE kind = 'acknowledgement'");
        var text = MimeParser.Parse(acknowledgement!).TextBody!;
        Assert.Contains("within 60 minutes", text);
        Assert.DoesNotContain("2 hours", text);
    }

    private sealed class SignallingSlotFinder(TaskCompletionSource readDone) : IMeetingSlotFinder
    {
        public Task<MeetingSlot> FindAsync(DateTimeOffset now, CancellationToken ct)
        {
            readDone.TrySetResult();
            return Task.FromResult(DefaultMeetingSlotFinder.Propose(now));
        }
    }
}
