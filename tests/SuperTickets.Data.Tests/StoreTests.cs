using System.Security.Cryptography;
using Dapper;
using SuperTickets.Data;
using SuperTickets.Messaging;
using SuperTickets.Testing;

namespace SuperTickets.Data.Tests;

[Collection(PostgresCollection.Name)]
public sealed class StoreTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);
    private readonly TimeProvider _clock = new FixedClock(Now);

    public static TheoryData<DbProvider> Providers => [DbProvider.Sqlite, DbProvider.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task Migrations_apply_once_and_record_their_versions(DbProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, postgres);
        var again = await new MigrationRunner(db.Factory, Microsoft.Extensions.Logging.Abstractions.NullLogger<MigrationRunner>.Instance).ApplyAsync(default);
        Assert.Empty(again);
        await using var connection = await db.Factory.OpenAsync(default);
        var versions = (await connection.QueryAsync<int>("SELECT version FROM schema_migrations")).ToList();
        Assert.Equal(MigrationRunner.Embedded(provider).Select(m => m.Version), versions.Order());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Same_message_in_one_mailbox_is_stored_once_and_bytes_once_across_mailboxes(DbProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, postgres);
        var emails = new EmailStore(db.Factory);
        var mailboxes = new MailboxStore(db.Factory, _clock);
        await mailboxes.EnsureAsync("a", "folder", "a@example.com", default);
        await mailboxes.EnsureAsync("b", "folder", "b@example.com", default);
        var bytes = "Subject: hi\r\n\r\nbody"u8.ToArray();
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        long? first, duplicate, otherMailbox;
        await using (var session = new DbSession(db.Factory))
        {
            await session.BeginAsync(default);
            first = await emails.TryInsertRawAsync(session, new RawEmailInsert("a", "m1@x", "m1@x", sha, bytes, "f1", Now), EmailStatus.Received, null, default);
            duplicate = await emails.TryInsertRawAsync(session, new RawEmailInsert("a", "m1@x", "m1@x", sha, bytes, "f2", Now), EmailStatus.Received, null, default);
            otherMailbox = await emails.TryInsertRawAsync(session, new RawEmailInsert("b", "m1@x", "m1@x", sha, bytes, "f3", Now), EmailStatus.Received, null, default);
            await session.CommitAsync(default);
        }

        Assert.NotNull(first);
        Assert.Null(duplicate);
        Assert.NotNull(otherMailbox);
        await using var connection = await db.Factory.OpenAsync(default);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM raw_contents"));
        Assert.Equal(bytes, await emails.GetRawContentAsync(first!.Value, default));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_batch_of_raw_emails_keeps_the_first_of_each_repeat_and_maps_ids_back_in_order(DbProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, postgres);
        var emails = new EmailStore(db.Factory);
        var mailboxes = new MailboxStore(db.Factory, _clock);
        await mailboxes.EnsureAsync("a", "folder", "a@example.com", default);
        await mailboxes.EnsureAsync("b", "folder", "b@example.com", default);
        var same = "Subject: same\r\n\r\nbody"u8.ToArray();
        var other = "Subject: other\r\n\r\nbody"u8.ToArray();
        RawEmailRow Row(string mailbox, string key, byte[] bytes, string source, string status = EmailStatus.Received) =>
            new(new RawEmailInsert(mailbox, key, key, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes, source, Now), status,
                status == EmailStatus.Quarantined ? "why" : null);
        // More rows than one multi-row statement holds, so the chunks are exercised too.
        var filler = Enumerable.Range(0, 40).Select(i => Row("b", $"fill-{i}@x", System.Text.Encoding.UTF8.GetBytes($"fill {i}"), $"fill-{i}")).ToList();

        long?[] first, second;
        await using (var session = new DbSession(db.Factory))
        {
            await session.BeginAsync(default);
            first = await emails.TryInsertRawManyAsync(session,
                [Row("a", "m1@x", same, "f1"), Row("a", "m1@x", other, "f2"), Row("b", "m1@x", same, "f3"), Row("a", "m2@x", same, "f4", EmailStatus.Quarantined), .. filler], default);
            await emails.InsertParsedManyAsync(session, first.OfType<long>().Select(id => new ParsedEmailRecord
            {
                RawEmailId = id, FromAddress = $"sender-{id}@example.com", SentAt = Now.ToOffset(TimeSpan.FromHours(2)), ConversationKey = $"c{id}",
            }).ToList(), default);
            second = await emails.TryInsertRawManyAsync(session, [Row("b", "m1@x", same, "f5"), Row("a", "m3@x", other, "f6")], default);
            await session.CommitAsync(default);
        }

        Assert.Equal(44, first.Length);
        Assert.Null(first[1]);
        Assert.Equal(43, first.OfType<long>().Distinct().Count());
        Assert.Null(second[0]);
        Assert.NotNull(second[1]);
        await using var connection = await db.Factory.OpenAsync(default);
        var stored = (await connection.QueryAsync<(long Id, string MailboxId, string DedupeKey, string SourceRef, string Status)>(
            "SELECT id, mailbox_id, dedupe_key, source_ref, status FROM raw_emails")).ToDictionary(r => r.Id);
        Assert.Equal(("a", "m1@x", "f1", EmailStatus.Received), (stored[first[0]!.Value].MailboxId, stored[first[0]!.Value].DedupeKey, stored[first[0]!.Value].SourceRef, stored[first[0]!.Value].Status));
        Assert.Equal(("b", "f3"), (stored[first[2]!.Value].MailboxId, stored[first[2]!.Value].SourceRef));
        Assert.Equal(("m2@x", EmailStatus.Quarantined), (stored[first[3]!.Value].DedupeKey, stored[first[3]!.Value].Status));
        Assert.All(filler.Select((row, i) => (row, id: first[4 + i]!.Value)), f => Assert.Equal(f.row.Email.SourceRef, stored[f.id].SourceRef));
        Assert.Equal(42, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM raw_contents"));
        Assert.Equal(43, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM parsed_emails"));
        var parsed = await emails.GetParsedAsync(first[3]!.Value, default);
        Assert.Equal((first[3], $"sender-{first[3]}@example.com", Now.UtcDateTime), (parsed!.RawEmailId, parsed.FromAddress, parsed.SentAt!.Value.UtcDateTime));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Parsed_email_keeps_the_instant_of_a_date_header_in_any_time_zone(DbProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, postgres);
        await new MailboxStore(db.Factory, _clock).EnsureAsync("a", "folder", "a@example.com", default);
        var emails = new EmailStore(db.Factory);
        var sent = new DateTimeOffset(2026, 11, 3, 10, 2, 0, TimeSpan.FromHours(-5));
        await using (var session = new DbSession(db.Factory))
        {
            await session.BeginAsync(default);
            var id = (await emails.TryInsertRawAsync(session, new RawEmailInsert("a", "tz@x", "tz@x", "h", [1], "f", Now), EmailStatus.Received, null, default))!.Value;
            await emails.InsertParsedAsync(session, new ParsedEmailRecord { RawEmailId = id, FromAddress = "x@example.com", SentAt = sent, ConversationKey = "tz@x" }, default);
            await session.CommitAsync(default);
        }

        var stored = await emails.GetParsedAsync(1, default);
        Assert.Equal(sent.UtcDateTime, stored!.SentAt!.Value.UtcDateTime);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Inbox_records_a_message_once_per_consumer(DbProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, postgres);
        await using var unitOfWork = new DbMessageUnitOfWork(new DbSession(db.Factory), _clock);
        await unitOfWork.BeginAsync(default);
        Assert.Equal(["m-1", "m-2"], (await unitOfWork.MarkProcessedAsync("triage", ["m-1", "m-2", "m-1"], default)).Order());
        Assert.Equal(["m-3"], await unitOfWork.MarkProcessedAsync("triage", ["m-1", "m-3"], default));
        Assert.Equal(["m-1"], await unitOfWork.MarkProcessedAsync("resolve", ["m-1"], default));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_write_session_that_failed_leaves_nothing_behind_and_the_next_one_commits(DbProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, postgres);
        const string insert = "INSERT INTO processed_messages (consumer, message_id, processed_at) VALUES (@consumer, @id, @now)";
        await using (var failed = new DbSession(db.Factory))
        {
            await failed.BeginAsync(default);
            await failed.Connection.ExecuteAsync(new CommandDefinition(insert, new { consumer = "c", id = "lost", now = Now }, failed.Transaction));
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
                failed.Connection.ExecuteAsync(new CommandDefinition(insert, new { consumer = "c", id = "lost", now = Now }, failed.Transaction)));
        }
        await using (var next = new DbSession(db.Factory))
        {
            await next.BeginAsync(default);
            await next.Connection.ExecuteAsync(new CommandDefinition(insert, new { consumer = "c", id = "kept", now = Now }, next.Transaction));
            await next.CommitAsync(default);
        }

        await using var connection = await db.Factory.OpenAsync(default);
        Assert.Equal(["kept"], await connection.QueryAsync<string>("SELECT message_id FROM processed_messages WHERE consumer = 'c'"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Outbox_rows_are_written_only_by_a_commit_and_claimed_once(DbProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, postgres);
        await using (var abandoned = new DbMessageUnitOfWork(new DbSession(db.Factory), _clock))
        {
            await abandoned.BeginAsync(default);
            await abandoned.EnqueueAsync(Envelope("dropped"), default);
        }
        IReadOnlyList<MessageEnvelope> committed;
        await using (var unitOfWork = new DbMessageUnitOfWork(new DbSession(db.Factory), _clock))
        {
            await unitOfWork.BeginAsync(default);
            await unitOfWork.EnqueueAsync(Envelope("kept"), default);
            committed = await unitOfWork.CommitAsync(default);
        }

        Assert.Equal(["kept"], committed.Select(e => e.MessageId));
        Assert.NotNull(committed[0].OutboxId);
        var store = new OutboxStore(db.Factory, _clock);
        Assert.Equal(1, await store.CountAsync(default));
        var claimed = await store.ClaimPendingAsync(10, TimeSpan.Zero, TimeSpan.FromMinutes(1), default);
        Assert.Equal("kept", Assert.Single(claimed).MessageId);
        Assert.Equal("{\"n\":1}", System.Text.Encoding.UTF8.GetString(claimed[0].Payload.Span));
        Assert.Equal("corr-1", claimed[0].CorrelationId);
        Assert.Empty(await store.ClaimPendingAsync(10, TimeSpan.Zero, TimeSpan.FromMinutes(1), default));
        await store.DeleteAsync([claimed[0].OutboxId!.Value], default);
        Assert.Equal(0, await store.CountAsync(default));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Interactions_are_written_with_the_commit_and_dropped_with_a_rollback(DbProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, postgres);
        var log = new InteractionLog(db.Factory, _clock);
        await using (var rolledBack = new DbSession(db.Factory))
        {
            await rolledBack.BeginAsync(default);
            await log.AddAsync(rolledBack, new Interaction("triage", "classified", null, null, "c", "lost"), default);
        }
        await using (var session = new DbSession(db.Factory))
        {
            await session.BeginAsync(default);
            for (var i = 0; i < 450; i++)
            {
                await log.AddAsync(session, new Interaction("triage", "classified", i, null, "c", $"entry {i}", new { i }), default);
            }
            await session.CommitAsync(default);
        }

        var entries = await log.ListAsync(null, null, 1000, default);
        Assert.Equal(450, entries.Count);
        Assert.Equal("entry 449", entries[^1].Summary);
        Assert.Equal("{\"i\":449}", entries[^1].AnalysisJson);
        Assert.Equal(Now, entries[0].OccurredAt);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Dead_letter_is_listed_and_replayed_once_through_the_outbox(DbProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, postgres);
        var deadLetters = new DeadLetterStore(db.Factory);
        await deadLetters.StoreAsync(new DeadLetter(Envelope("dl-1"), "triage", "System.TimeoutException", "db timeout", 4, Now, Now), default);

        var listed = Assert.Single(await deadLetters.ListAsync(includeReplayed: false, 10, default));
        Assert.Equal("triage", listed.ConsumerGroup);
        Assert.Equal(4, listed.Attempts);

        for (var i = 0; i < 2; i++)
        {
            var session = new DbSession(db.Factory);
            await using var unitOfWork = new DbMessageUnitOfWork(session, _clock);
            await unitOfWork.BeginAsync(default);
            var replayed = await deadLetters.ReplayAsync(listed.Id, session, unitOfWork, _clock, default);
            await unitOfWork.CommitAsync(default);
            Assert.Equal(i == 0, replayed);
        }
        Assert.Equal(1, await new OutboxStore(db.Factory, _clock).CountAsync(default));
        Assert.Empty(await deadLetters.ListAsync(includeReplayed: false, 10, default));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Ticket_is_found_by_any_message_id_of_its_thread(DbProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, postgres);
        var (ticketId, emailId) = await SeedTicketAsync(db);
        var tickets = new TicketStore(db.Factory);
        await using var session = new DbSession(db.Factory);
        await session.BeginAsync(default);
        Assert.Equal(ticketId, await tickets.FindByMessageIdsAsync(session, ["unknown@x", "root@example.com"], default));
        Assert.Null(await tickets.FindByMessageIdsAsync(session, ["unknown@x"], default));
        var again = await tickets.AppendMessageAsync(session, new TicketMessageRecord
        {
            TicketId = ticketId, RawEmailId = emailId, MessageId = "root@example.com", Direction = "in", Author = "customer", Body = "dup", CreatedAt = Now,
        }, default);
        Assert.False(again);
        var ticket = await tickets.GetAsync(session, ticketId, default);
        Assert.Equal("customer@example.com", ticket!.CustomerEmail);
        Assert.Equal(Now, ticket.CreatedAt);
        await tickets.UpdateStatusAsync(session, ticketId, TicketStatus.SolvedPendingConfirmation, Now.AddHours(1), default);
        Assert.Equal(Now.AddHours(1), (await tickets.GetAsync(session, ticketId, default))!.SolvedAt);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_sla_clock_round_trips_and_lists_the_unsolved_tickets_of_a_policy(DbProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, postgres);
        var (ticketId, _) = await SeedTicketAsync(db);
        var clock = new FixedClock(Now);
        var sla = new TicketSlaStore(clock);
        await using var session = new DbSession(db.Factory);
        await session.BeginAsync(default);
        await sla.StartAsync(session, ticketId, "normal", Now.AddHours(8), Now.AddHours(48), default);
        await sla.PauseAsync(session, ticketId, default);
        var paused = await sla.GetAsync(session, ticketId, default);
        clock.Now = Now.AddHours(3);
        await sla.SetAsync(session, paused! with { FirstResponseDue = Now.AddHours(11), FirstResponseState = SlaStates.Breached, PausedAt = null }, TimeSpan.FromHours(3), default);
        var resumed = await sla.GetAsync(session, ticketId, default);

        Assert.Equal(Now, paused.PausedAt);
        Assert.Equal((Now.AddHours(11), Now.AddHours(48), SlaStates.Breached, SlaStates.Ok, (DateTimeOffset?)null, 3 * 3600L),
            (resumed!.FirstResponseDue, resumed.ResolutionDue, resumed.FirstResponseState, resumed.ResolutionState, resumed.PausedAt, resumed.PausedSeconds));
        Assert.Empty(await sla.ListUnsolvedAsync(session, "other", default));
        Assert.Equal([ticketId], (await sla.ListUnsolvedAsync(session, "normal", default)).Select(r => r.TicketId));
        await new TicketStore(db.Factory).UpdateStatusAsync(session, ticketId, TicketStatus.Solved, Now, default);
        Assert.Empty(await sla.ListUnsolvedAsync(session, "normal", default));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Batch_reads_answer_for_every_key_of_the_list_in_one_statement(DbProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, postgres);
        var (ticketId, firstId) = await SeedTicketAsync(db);
        var emails = new EmailStore(db.Factory);
        var customers = new CustomerStore(_clock);
        var outbound = new OutboundEmailStore(db.Factory);
        await new MailboxStore(db.Factory, _clock).EnsureAsync("b", "folder", "other@example.com", default);
        await using var session = new DbSession(db.Factory);
        await session.BeginAsync(default);
        var copyId = (await emails.TryInsertRawAsync(session,
            new RawEmailInsert("b", "root@example.com", "root@example.com", "h", "x"u8.ToArray(), "g", Now), EmailStatus.Received, null, default))!.Value;
        var quarantinedId = (await emails.TryInsertRawAsync(session,
            new RawEmailInsert("b", "bad@example.com", "bad@example.com", "q", "y"u8.ToArray(), "q", Now), EmailStatus.Quarantined, "no sender", default))!.Value;
        await emails.InsertParsedAsync(session, new ParsedEmailRecord { RawEmailId = firstId, FromAddress = "customer@example.com", Subject = "one", ConversationKey = "k" }, default);
        await emails.InsertParsedAsync(session, new ParsedEmailRecord { RawEmailId = copyId, FromAddress = "customer@example.com", Subject = "two", ConversationKey = "k" }, default);
        var newcomer = await customers.UpsertAsync(session, "new@example.com", null, default);
        foreach (var (kind, key) in new[] { ("auto_answer", "a1"), ("acknowledgement", "a2"), ("agent_reply", "a3") })
        {
            await outbound.TryInsertAsync(session, new OutboundEmailRecord
            {
                TicketId = ticketId, Kind = kind, IdempotencyKey = key, ToAddress = "customer@example.com", Subject = "s", MessageId = key + "@x", Content = [1], CreatedAt = Now,
            }, default);
        }

        var parsed = await emails.GetParsedManyAsync(session, [firstId, copyId, quarantinedId, 999], default);
        var firstCopies = await emails.FindFirstCopiesAsync(session, ["root@example.com", "bad@example.com", "unknown@x"], default);
        var known = await customers.FindManyAsync(session, [" Customer@Example.com", "new@example.com", "nobody@example.com"], default);
        var ticketCounts = await customers.CountTicketsSinceManyAsync(session, [known["customer@example.com"].Id, newcomer.Id], Now.AddDays(-1), default);
        var replies = await outbound.CountAutomaticSinceManyAsync(session, ["customer@example.com", "new@example.com"], Now.AddHours(-1), default);
        var laterReplies = await outbound.CountAutomaticSinceManyAsync(session, ["customer@example.com"], Now.AddHours(1), default);

        Assert.Equal([("one", firstId), ("two", copyId)], parsed.Values.OrderBy(e => e.RawEmailId).Select(e => (e.Subject, e.RawEmailId)));
        Assert.Equal(new Dictionary<string, long> { ["root@example.com"] = firstId }, firstCopies);
        Assert.Equal(["customer@example.com", "new@example.com"], known.Keys.Order());
        Assert.Equal(new Dictionary<long, int> { [known["customer@example.com"].Id] = 1 }, ticketCounts);
        Assert.Equal(new Dictionary<string, int> { ["customer@example.com"] = 2 }, replies);
        Assert.Empty(laterReplies);
        Assert.Empty(await emails.GetParsedManyAsync(session, [], default));
        Assert.Empty(await customers.FindManyAsync(session, [], default));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_ticket_created_with_its_first_message_holds_that_message(DbProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, postgres);
        var (ticketId, emailId) = await SeedTicketAsync(db);
        await using var connection = await db.Factory.OpenAsync(default);

        var messages = (await connection.QueryAsync<(long TicketId, long RawEmailId, string MessageId, string Body)>(
            "SELECT ticket_id, raw_email_id, message_id, body FROM ticket_messages")).ToList();

        Assert.Equal([(ticketId, emailId, "root@example.com", "Help")], messages);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Customers_of_a_batch_are_created_together_and_known_ones_are_read_back(DbProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, postgres);
        await SeedTicketAsync(db);
        var customers = new CustomerStore(_clock);
        await using var session = new DbSession(db.Factory);
        await session.BeginAsync(default);
        var known = (await customers.FindManyAsync(session, ["customer@example.com"], default))["customer@example.com"];

        var upserted = await customers.UpsertManyAsync(session, [("new@example.com", "First"), ("NEW@example.com ", "Second"), (" customer@example.com", "Other")], default);
        await session.CommitAsync(default);

        Assert.Equal(["customer@example.com", "new@example.com"], upserted.Keys.Order());
        Assert.Equal((known.Id, "C", false), (upserted["customer@example.com"].Id, upserted["customer@example.com"].Name, upserted["customer@example.com"].IsNew));
        var created = upserted["new@example.com"];
        Assert.Equal(("First", "standard", Now, true), (created.Name, created.Tier, created.CreatedAt, created.IsNew));
        await using var read = new DbSession(db.Factory);
        await read.OpenForReadAsync(default);
        Assert.Equal(created with { IsNew = false }, (await customers.FindManyAsync(read, ["new@example.com"], default))["new@example.com"]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Sla_clocks_started_on_commit_are_written_by_the_commit_and_dropped_with_a_rollback(DbProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, postgres);
        var (ticketId, _) = await SeedTicketAsync(db);
        var sla = new TicketSlaStore(_clock);
        await using (var rolledBack = new DbSession(db.Factory))
        {
            await rolledBack.BeginAsync(default);
            sla.StartOnCommit(rolledBack, ticketId, "normal", Now.AddHours(8), Now.AddHours(48));
            Assert.Null(await sla.GetAsync(rolledBack, ticketId, default));
        }
        await using (var committed = new DbSession(db.Factory))
        {
            await committed.BeginAsync(default);
            sla.StartOnCommit(committed, ticketId, "normal", Now.AddHours(8), Now.AddHours(48));
            await committed.CommitAsync(default);
        }

        await using var read = new DbSession(db.Factory);
        await read.OpenForReadAsync(default);
        var clock = await sla.GetAsync(read, ticketId, default);
        Assert.Equal(("normal", Now.AddHours(8), Now.AddHours(48), SlaStates.Ok, SlaStates.Ok),
            (clock!.PolicyId, clock.FirstResponseDue, clock.ResolutionDue, clock.FirstResponseState, clock.ResolutionState));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Reserved_ticket_ids_are_never_handed_out_twice_nor_taken_by_a_ticket_created_without_one(DbProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, postgres);
        var (seeded, emailId) = await SeedTicketAsync(db);
        var reservations = new TicketIdReservations(db.Factory);
        var otherProcess = new TicketIdReservations(db.Factory);

        var first = await reservations.ReserveAsync(3, default);
        var second = await otherProcess.ReserveAsync(2, default);
        var large = await reservations.ReserveAsync(TicketIdReservations.SqliteBlock + 10, default);

        Assert.Equal([seeded + 1, seeded + 2, seeded + 3], first);
        long[] all = [seeded, .. first, .. second, .. large];
        Assert.Equal(all.Length, all.Distinct().Count());
        Assert.Equal(large.Order(), large);
        Assert.Empty(await reservations.ReserveAsync(0, default));

        var tickets = new TicketStore(db.Factory);
        long reserved, automatic;
        await using (var session = new DbSession(db.Factory))
        {
            await session.BeginAsync(default);
            var customer = await new CustomerStore(_clock).UpsertAsync(session, "customer@example.com", "C", default);
            NewTicket Ticket(string messageId, long? id) =>
                new("Help", customer.Id, TicketStatus.New, "normal", "billing", null, "en", 0, 1, "{}", null, emailId, messageId, Now, Id: id);
            TicketMessageRecord Message(string messageId) =>
                new() { RawEmailId = emailId, MessageId = messageId, Direction = "in", Author = "customer", Body = "Help", CreatedAt = Now };
            reserved = await tickets.CreateWithMessageAsync(session, Ticket("reserved@example.com", first[1]), Message("reserved@example.com"), default);
            automatic = await tickets.CreateWithMessageAsync(session, Ticket("automatic@example.com", null), Message("automatic@example.com"), default);
            await session.CommitAsync(default);
        }

        Assert.Equal(first[1], reserved);
        Assert.DoesNotContain(automatic, all);
        Assert.True(automatic > all.Max(), $"a ticket created without a reserved id got {automatic}, at or below a reserved one");
        var later = await otherProcess.ReserveAsync(1, default);
        Assert.DoesNotContain(later[0], all.Append(automatic));
        await using var read = new DbSession(db.Factory);
        await read.OpenForReadAsync(default);
        Assert.Equal("reserved@example.com", (await tickets.MessagesAsync(read, reserved, default)).Single().MessageId);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_ticket_created_with_its_first_message_reads_back_every_column(DbProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, postgres);
        var (rootId, emailId) = await SeedTicketAsync(db);
        var tickets = new TicketStore(db.Factory);
        var solved = Now.AddMinutes(5).AddTicks(10); // PostgreSQL keeps microseconds
        long id;
        await using (var session = new DbSession(db.Factory))
        {
            await session.BeginAsync(default);
            var customer = await new CustomerStore(_clock).UpsertAsync(session, "second@example.com", "Second", default);
            id = await tickets.CreateWithMessageAsync(session,
                new NewTicket("Grüße — refund?", customer.Id, TicketStatus.Solved, "high", "refunds", "refund_request", "de", -0.25, 3.5,
                    """{"urgency":1.5}""", null, emailId, "second@example.com", Now, SolvedAt: solved),
                new TicketMessageRecord { RawEmailId = emailId, MessageId = "second@example.com", Direction = "in", Author = "customer", Body = "", CreatedAt = Now },
                default);
            await session.CommitAsync(default);
        }

        var ticket = Assert.IsType<TicketRecord>(await tickets.GetAsync(id, default));
        Assert.Equal(new TicketRecord
        {
            Id = id, Subject = "Grüße — refund?", CustomerId = ticket.CustomerId, CustomerEmail = "second@example.com", CustomerName = "Second",
            Status = TicketStatus.Solved, Priority = "high", Category = "refunds", Intent = "refund_request", Channel = "email", Language = "de",
            Sentiment = -0.25, SmartScore = 3.5, ScoreBreakdownJson = """{"urgency":1.5}""", RootEmailId = emailId, RootMessageId = "second@example.com",
            CreatedAt = Now, UpdatedAt = Now, SolvedAt = solved,
        }, ticket);
        Assert.NotEqual(rootId, id);
        await using var read = new DbSession(db.Factory);
        await read.OpenForReadAsync(default);
        var message = Assert.Single(await tickets.MessagesAsync(read, id, default));
        Assert.Equal(("second@example.com", "in", "customer", "", Now), (message.MessageId, message.Direction, message.Author, message.Body, message.CreatedAt));
        await using var connection = await db.Factory.OpenAsync(default);
        Assert.Equal("email", await connection.ExecuteScalarAsync<string>("SELECT channel FROM tickets WHERE id = @id", new { id }));
    }

    private async Task<(long TicketId, long EmailId)> SeedTicketAsync(TestDatabase db)
    {
        await new MailboxStore(db.Factory, _clock).EnsureAsync("a", "folder", "support@example.com", default);
        await using var session = new DbSession(db.Factory);
        await session.BeginAsync(default);
        var bytes = "x"u8.ToArray();
        var emailId = (await new EmailStore(db.Factory).TryInsertRawAsync(session,
            new RawEmailInsert("a", "root@example.com", "root@example.com", "h", bytes, "f", Now), EmailStatus.Received, null, default))!.Value;
        var customer = await new CustomerStore(_clock).UpsertAsync(session, "Customer@Example.com", "C", default);
        var tickets = new TicketStore(db.Factory);
        var ticketId = await tickets.CreateWithMessageAsync(session,
            new NewTicket("Help", customer.Id, TicketStatus.New, "normal", "billing", null, "en", 0, 1, "{}", null, emailId, "root@example.com", Now),
            new TicketMessageRecord { RawEmailId = emailId, MessageId = "root@example.com", Direction = "in", Author = "customer", Body = "Help", CreatedAt = Now }, default);
        await session.CommitAsync(default);
        return (ticketId, emailId);
    }

    private static MessageEnvelope Envelope(string id) => new(
        id, "topic", "key", "Thing", "{\"n\":1}"u8.ToArray(),
        new Dictionary<string, string> { [MessageHeaders.CorrelationId] = "corr-1" }, Now);
}
