using BenchmarkDotNet.Attributes;
using SuperTickets.Knowledge;
using SuperTickets.Llm.Answers;

namespace SuperTickets.Benchmarks.Llm;

/// <summary>The grounding check of one drafted answer against its sample article and the customer's request.</summary>
[MemoryDiagnoser]
public class GroundingCheckBenchmarks
{
    private const string Request = """
        Subject: How do I reset my password?

        Hi, I forgot my password for the Nimbus app and the reset email never arrived. I tried three times this morning
        from my phone. My order was 48213 last week, if that helps. Could you tell me what to do? Thanks, [email]
        """;

    private const string Grounded = """
        You can set a new password yourself from the sign-in page:
        1. Go to app.nimbus.example/signin or open the Nimbus mobile app.
        2. Select Forgot password? and enter the email address you use for Nimbus.
        3. Open the email "Reset your Nimbus password"; the link works once, for 60 minutes.
        4. Choose a new password of at least 12 characters.
        If the email does not arrive, wait 5 minutes and check your spam folder; it comes from no-reply@nimbus.example.
        Please request a new link no more than 3 times per hour, because older links stop working.
        """;

    private const string Ungrounded = """
        Reset your password at https://nimbus-reset.example/now within 24 hours. If that fails, call +1 212 555 0147 or
        email help@nimbus-reset.example; a 20% discount on your €49.99 plan applies. Dear [customer name], thanks.
        """;

    private KbArticle _article = null!;
    private string _articleText = "";

    [GlobalSetup]
    public void Setup()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SuperTickets.sln"))) directory = directory.Parent;
        var file = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("SuperTickets.sln not found."), "samples", "kb", "reset-password.md");
        _article = KbMarkdown.Parse(Path.GetFileName(file), File.ReadAllText(file));
        _articleText = _article.Title + "\n\n" + _article.Body;
        if (!Check(Grounded).Grounded || Check(Ungrounded).Violations.Count < 5)
        {
            throw new InvalidOperationException("The benchmark drafts no longer pass and fail the checks as intended.");
        }
    }

    [Benchmark(Baseline = true, Description = "grounded draft (540 chars), 1.8 KB article")]
    public GroundingVerdict GroundedDraft() => Check(Grounded);

    [Benchmark(Description = "ungrounded draft (7 violations)")]
    public GroundingVerdict UngroundedDraft() => Check(Ungrounded);

    private GroundingVerdict Check(string draft) => GroundingChecker.Check(draft, "reset-password", _article.Id, _articleText, Request, 3000);
}
