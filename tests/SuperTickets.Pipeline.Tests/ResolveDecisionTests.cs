using Dapper;
using SuperTickets.Contracts;
using SuperTickets.Data;

namespace SuperTickets.Pipeline.Tests;

/// <summary>Each branch of the resolve decision, checked in the database and the outbox folder.</summary>
public sealed class ResolveDecisionTests
{
    internal static string Mail(string id, string subject, string body, string from = "Ana Silva <ana@example.com>", string extraHeaders = "") => $"""
        From: {from}
        To: support@nimbus.example
        Subject: {subject}
        Message-ID: <{id}>
        Date: Sun, 22 Nov 2026 09:00:00 +0000
        {extraHeaders}Content-Type: text/plain; charset=utf-8

        {body}
        """;

    [Fact]
    public async Task Confident_knowledge_base_answer_is_sent_and_the_ticket_waits_for_confirmation()
    {
        await using var harness = await ResolveHarness.CreateAsync();
        var id = await harness.IngestAsync(Mail("kb-1@example.com", "How do I reset my password?",
            "I forgot my password. How do I reset my password for the Nimbus app? The reset password link, where is it?"));

        await harness.ResolveAsync(ResolveHarness.Verdict(id, "account_access"));

        await using var db = harness.Open();
        var ticket = await db.QuerySingleAsync<(string Status, string Kind)>(
            "SELECT t.status, o.kind FROM tickets t JOIN outbound_emails o ON o.ticket_id = t.id");
        Assert.Equal((TicketStatus.SolvedPendingConfirmation, "auto_answer"), ticket);
        Assert.Equal("auto_answered", await db.ExecuteScalarAsync<string>("SELECT action FROM support_interactions WHERE stage = 'resolve'"));
    }

    [Theory]
    [InlineData("complaint", "normal", 0.0)]
    [InlineData("account_access", "urgent", 0.0)]
    [InlineData("account_access", "normal", -0.9)]
    public async Task Blocked_auto_answer_becomes_an_assigned_ticket_with_an_acknowledgement(string category, string priority, double sentiment)
    {
        await using var harness = await ResolveHarness.CreateAsync();
        var id = await harness.IngestAsync(Mail("blocked-1@example.com", "How do I reset my password?",
            "I forgot my password. How do I reset my password for the Nimbus app? The reset password link, where is it?"));

        await harness.ResolveAsync(ResolveHarness.Verdict(id, category, priority, sentiment));

        await using var db = harness.Open();
        var row = await db.QuerySingleAsync<(string Status, long? Assignee, string Kind, string? Policy)>(
            "SELECT t.status, t.assignee_id, o.kind, t.sla_policy_id FROM tickets t JOIN outbound_emails o ON o.ticket_id = t.id");
        Assert.Equal(TicketStatus.New, row.Status);
        Assert.NotNull(row.Assignee);
        Assert.Equal("acknowledgement", row.Kind);
        Assert.Equal(priority, row.Policy);
        Assert.Equal(1, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ticket_sla"));
        Assert.Equal(1, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM assignments"));
    }

    [Fact]
    public async Task Noise_is_ignored_without_ticket_or_reply()
    {
        await using var harness = await ResolveHarness.CreateAsync();
        var id = await harness.IngestAsync(Mail("ooo-1@example.com", "Out of office", "I am away until Monday.", extraHeaders: "Auto-Submitted: auto-replied\n"));

        await harness.ResolveAsync(ResolveHarness.Verdict(id, noise: "OutOfOffice"));

        await using var db = harness.Open();
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM tickets"));
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbound_emails"));
        Assert.Equal(EmailStatus.Ignored, await db.ExecuteScalarAsync<string>("SELECT status FROM raw_emails WHERE id = @id", new { id }));
    }

    [Fact]
    public async Task Reply_to_a_solved_ticket_reopens_it_but_an_out_of_office_in_the_thread_does_not()
    {
        await using var harness = await ResolveHarness.CreateAsync();
        var first = await harness.IngestAsync(Mail("thread-1@example.com", "How do I reset my password?",
            "I forgot my password. How do I reset my password for the Nimbus app? The reset password link, where is it?"));
        await harness.ResolveAsync(ResolveHarness.Verdict(first, "account_access"));

        var ooo = await harness.IngestAsync(Mail("thread-ooo@example.com", "Auto: Re: How do I reset my password? [#ST-1001]", "Away.",
            extraHeaders: "In-Reply-To: <thread-1@example.com>\nAuto-Submitted: auto-replied\n"));
        await harness.ResolveAsync(ResolveHarness.Verdict(ooo, noise: "OutOfOffice"));
        await using (var db = harness.Open())
        {
            Assert.Equal(TicketStatus.SolvedPendingConfirmation, await db.ExecuteScalarAsync<string>("SELECT status FROM tickets"));
            Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ticket_sla"));
        }

        var reply = await harness.IngestAsync(Mail("thread-2@example.com", "Re: How do I reset my password? [#ST-1001]",
            "That did not work, the link never arrives.", extraHeaders: "In-Reply-To: <thread-1@example.com>\nReferences: <thread-1@example.com>\n"));
        await harness.ResolveAsync(ResolveHarness.Verdict(reply, "account_access"));

        await using var after = harness.Open();
        Assert.Equal(TicketStatus.Open, await after.ExecuteScalarAsync<string>("SELECT status FROM tickets"));
        Assert.Equal(1, await after.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM tickets"));
        Assert.Equal(3, await after.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ticket_messages"));
        // The automatic answer did not help: the reopened ticket gets an SLA clock from now on.
        Assert.Equal((1L, "ok", "ok"), await after.QuerySingleAsync<(long, string, string)>(
            "SELECT COUNT(*), MIN(first_response_state), MIN(resolution_state) FROM ticket_sla"));
        Assert.Equal(["auto_answered", "noise_recorded", "reopened"],
            (await after.QueryAsync<string>("SELECT action FROM support_interactions WHERE stage = 'resolve' ORDER BY id")).ToList());
    }

    [Fact]
    public async Task Ticket_token_in_the_subject_threads_a_reply_without_references()
    {
        await using var harness = await ResolveHarness.CreateAsync();
        var first = await harness.IngestAsync(Mail("token-1@example.com", "Broken thermostat", "The display stays black.", from: "Bo <bo@example.org>"));
        await harness.ResolveAsync(ResolveHarness.Verdict(first, "bug_report"));

        var reply = await harness.IngestAsync(Mail("token-2@example.org", "Re: Broken thermostat [#ST-1001]", "Here is a photo.", from: "Bo <bo@example.org>"));
        await harness.ResolveAsync(ResolveHarness.Verdict(reply, "bug_report"));

        await using var db = harness.Open();
        Assert.Equal(1, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM tickets"));
        Assert.Equal("appended", await db.ExecuteScalarAsync<string>("SELECT action FROM support_interactions WHERE stage = 'resolve' ORDER BY id DESC LIMIT 1"));
    }

    [Fact]
    public async Task Meeting_request_gets_an_ics_invitation_that_is_sent_once()
    {
        await using var harness = await ResolveHarness.CreateAsync();
        var id = await harness.IngestAsync(Mail("call-1@example.com", "Can we schedule a call?", "Could we have a call about the integration next week?"));

        await harness.ResolveAsync(ResolveHarness.Verdict(id, "general", meeting: true));
        await harness.RespondAllAsync();
        await harness.RespondAllAsync();

        await using var db = harness.Open();
        Assert.Equal(["acknowledgement", "meeting_invitation"], (await db.QueryAsync<string>("SELECT kind FROM outbound_emails ORDER BY id")).ToList());
        Assert.Equal(2, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbound_emails WHERE status = 'sent'"));
        var files = Directory.GetFiles(Path.Combine(Path.GetDirectoryName(db.DataSource)!, "outbox"), "*.eml");
        Assert.Equal(2, files.Length);
        var invitation = File.ReadAllText(files.Single(f => f.Contains("meeting_invitation", StringComparison.Ordinal)));
        Assert.Contains("text/calendar", invitation, StringComparison.Ordinal);
        Assert.Contains("method=REQUEST", invitation, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Automatic_replies_to_one_address_stop_at_the_cap()
    {
        await using var harness = await ResolveHarness.CreateAsync(new() { ["Mail:MaxAutoRepliesPerWindow"] = "2" });
        for (var i = 0; i < 4; i++)
        {
            var id = await harness.IngestAsync(Mail($"cap-{i}@example.com", $"Thermostat question {i}", "The display flickers at night.", from: "Cy <cy@example.net>"));
            await harness.ResolveAsync(ResolveHarness.Verdict(id, "bug_report"));
        }

        await using var db = harness.Open();
        Assert.Equal(4, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM tickets"));
        Assert.Equal(2, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbound_emails"));
    }
    [Fact]
    public async Task A_batch_decides_as_the_same_emails_would_one_at_a_time()
    {
        // Two senders, one new and one returning, each writing several times in the batch: the auto-reply cap and the
        // repeated-contact score must count the batch's own tickets and replies exactly as separate batches would.
        string[] senders = ["Cy <cy@example.net>", "Dee <dee@example.org>", "Cy <CY@example.net>", "Dee <dee@example.org>", "Cy <cy@example.net>", "Cy <cy@example.net>"];
        var settings = new Dictionary<string, string?> { ["Mail:MaxAutoRepliesPerWindow"] = "2" };
        await using var oneByOne = await ResolveHarness.CreateAsync(settings);
        await using var batched = await ResolveHarness.CreateAsync(settings);
        foreach (var harness in new[] { oneByOne, batched })
        {
            var earlier = await harness.IngestAsync(Mail("before@example.com", "Earlier problem", "The sync stopped yesterday.", from: "Dee <dee@example.org>"));
            await harness.ResolveAsync(ResolveHarness.Verdict(earlier, "bug_report"));
        }

        var verdicts = new List<EmailTriaged>[2];
        for (var h = 0; h < 2; h++)
        {
            var harness = h == 0 ? oneByOne : batched;
            verdicts[h] = [];
            for (var i = 0; i < senders.Length; i++)
            {
                var id = await harness.IngestAsync(Mail($"batch-{i}@example.com", $"Display problem {i}", "The display flickers at night.", from: senders[i]));
                verdicts[h].Add(ResolveHarness.Verdict(id, "bug_report"));
            }
        }
        foreach (var verdict in verdicts[0])
        {
            await oneByOne.ResolveAsync(verdict);
        }
        await batched.ResolveBatchAsync(verdicts[1]);

        const string Tickets = "SELECT t.subject, c.email, t.smart_score, t.score_breakdown_json FROM tickets t JOIN customers c ON c.id = t.customer_id ORDER BY t.id";
        const string Replies = "SELECT kind, to_address FROM outbound_emails ORDER BY id";
        await using var expected = oneByOne.Open();
        await using var actual = batched.Open();
        var expectedTickets = (await expected.QueryAsync<(string, string, double, string)>(Tickets)).ToList();
        Assert.Equal(expectedTickets, await actual.QueryAsync<(string, string, double, string)>(Tickets));
        var expectedReplies = (await expected.QueryAsync<(string, string)>(Replies)).ToList();
        Assert.Equal(expectedReplies, await actual.QueryAsync<(string, string)>(Replies));
        Assert.Equal(2, expectedReplies.Count(r => r.Item2 == "cy@example.net"));
        Assert.Equal(2, expectedReplies.Count(r => r.Item2 == "dee@example.org"));
        Assert.Equal(2, await actual.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM customers"));
    }
}
