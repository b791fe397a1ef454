using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using SuperTickets.Data;
using SuperTickets.Knowledge;
using SuperTickets.Pipeline;
using SuperTickets.Pipeline.Resolve;
using SuperTickets.Testing;

namespace SuperTickets.Benchmarks.Mail;

/// <summary>
/// Composing the automatic replies resolve writes for a new request (subject, text and HTML alternative, MIME with
/// quoted-printable bodies): an acknowledgement with an SLA promise, and an answer carrying a knowledge-base article
/// from samples/kb. Resolve composes inside its transaction, so this time is spent holding SQLite's write lock.
/// </summary>
[MemoryDiagnoser]
public class ReplyComposerBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);

    private ReplyComposer _composer = null!;
    private ParsedEmailRecord _email = null!;
    private KbArticle _article = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = Options.Create(new MailOptions { SupportAddress = "support@example.com", SupportName = "Example Support", MessageIdDomain = "support.example.com" });
        _composer = new ReplyComposer(options, new FixedClock(Now));
        _article = KbMarkdown.LoadDirectory(Path.Combine(RepoPaths.Samples, "kb")).OrderByDescending(a => a.Body.Length).First();
        _email = new ParsedEmailRecord
        {
            RawEmailId = 4711,
            MessageId = "CAF3x9k2@mail.example.org",
            ReferencesJson = "[]",
            Subject = "Invoice shows the wrong amount for November",
            FromName = "Jana Novák",
            FromAddress = "jana.novak@example.org",
            NewText = "Hello, my November invoice shows 49 € but my plan is 29 €. Could you check? Thanks, Jana",
            ConversationKey = "CAF3x9k2@mail.example.org",
        };
    }

    [Benchmark(Description = "Compose: acknowledgement with an SLA promise")]
    public OutboundEmailRecord Acknowledgement() => _composer.Acknowledgement(_email, 123_456, "billing", "normal", Now.AddHours(4));

    [Benchmark(Description = "Compose: answer with the longest samples/kb article")]
    public OutboundEmailRecord AutoAnswer() => _composer.AutoAnswer(_email, 123_456, _article);
}
