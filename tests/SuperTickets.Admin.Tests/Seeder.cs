using System.Security.Cryptography;
using System.Text;
using Dapper;
using SuperTickets.Data;
using SuperTickets.Messaging;

namespace SuperTickets.Admin.Tests;

/// <summary>Writes test rows through the stores the pipeline uses.</summary>
public sealed class Seeder(DbConnectionFactory factory)
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    public static byte[] Mail(string from, string subject, string messageId, string body = "Hello, my camera shows offline.") => Encoding.UTF8.GetBytes(
        $"From: {from}\r\nTo: support@nimbus.example\r\nSubject: {subject}\r\nMessage-ID: <{messageId}>\r\n" +
        $"Date: Sun, 22 Nov 2026 09:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n");

    public async Task<long> EmailAsync(byte[] content, string status = EmailStatus.Resolved, string? reason = null, string? messageId = null, string subject = "Camera offline")
    {
        await new MailboxStore(factory, TimeProvider.System).EnsureAsync("inbox", "drop-folder", "support@nimbus.example", default);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        await using var session = new DbSession(factory);
        await session.BeginAsync(default);
        var emails = new EmailStore(factory);
        var id = (await emails.TryInsertRawAsync(session, new RawEmailInsert("inbox", messageId ?? "sha256:" + sha + Guid.NewGuid(), messageId, sha, content, $"file-{Guid.NewGuid():N}.eml", Now), status, reason, default))!.Value;
        await emails.InsertParsedAsync(session, new ParsedEmailRecord
        {
            RawEmailId = id,
            MessageId = messageId,
            Subject = subject,
            FromAddress = "dana@example.org",
            FromName = "Dana Fox",
            TextBody = "Hello, my camera shows offline.",
            NewText = "Hello, my camera shows offline.",
            ConversationKey = messageId ?? sha,
        }, default);
        await new InteractionLog(factory, TimeProvider.System).AddAsync(session, new Interaction("ingest", "received", id, null, null, "stored"), default);
        await session.CommitAsync(default);
        return id;
    }

    public async Task<long> TicketAsync(string subject = "Camera offline", string status = TicketStatus.Open, string priority = "normal",
        string category = "technical", double score = 25, string customer = "dana@example.org", bool withSla = true)
    {
        var messageId = $"m-{Guid.NewGuid():N}@example.org";
        var emailId = await EmailAsync(Mail(customer, subject, messageId), messageId: messageId, subject: subject);
        await using var session = new DbSession(factory);
        await session.BeginAsync(default);
        var customerRecord = await new CustomerStore(TimeProvider.System).UpsertAsync(session, customer, "Dana Fox", default);
        var tickets = new TicketStore(factory);
        var id = await tickets.CreateAsync(session, new NewTicket(subject, customerRecord.Id, status, priority, category, "question", "en", 0,
            score, $$"""{"priority":{{score}}}""", null, emailId, messageId, Now), default);
        await tickets.AppendMessageAsync(session, new TicketMessageRecord
        {
            TicketId = id, RawEmailId = emailId, MessageId = messageId, Direction = "in", Author = "customer", Body = "Hello", CreatedAt = Now,
        }, default);
        if (withSla)
        {
            await new TicketSlaStore(TimeProvider.System).StartAsync(session, id, "normal", Now.AddHours(4), Now.AddDays(2), default);
        }
        await new InteractionLog(factory, TimeProvider.System).AddAsync(session, new Interaction("resolve", "ticket_created", emailId, id, null, "created"), default);
        await session.CommitAsync(default);
        return id;
    }

    public async Task<long> AgentAsync(string name = "Ana", string email = "ana@nimbus.example")
    {
        await new AgentStore(factory, TimeProvider.System).UpsertAsync(new AgentRecord { Name = name, Email = email, MaxConcurrent = 5 }, default);
        await using var connection = await factory.OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>("SELECT id FROM agents WHERE email = @email", new { email });
    }

    public async Task<long> DeadLetterAsync(string topic = "supertickets.email.triaged.v1")
    {
        var messageId = Guid.NewGuid().ToString("N");
        var envelope = new MessageEnvelope(messageId, topic, "conv-1", "EmailTriaged", Encoding.UTF8.GetBytes("""{"emailId":1}"""),
            new Dictionary<string, string> { [MessageHeaders.MessageId] = messageId }, Now);
        await new DeadLetterStore(factory).StoreAsync(new DeadLetter(envelope, "resolve", "InvalidOperationException", "boom", 4, Now, Now), default);
        await using var connection = await factory.OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>("SELECT id FROM dead_letters WHERE message_id = @messageId", new { messageId });
    }
}
