using System.Globalization;
using Spectre.Console;
using SuperTickets.Data;
using SuperTickets.Pipeline.Ingest;

namespace SuperTickets.Cli.Embedded;

/// <summary>The table printed at the end of <c>run --once</c>.</summary>
public static class RunSummaryPrinter
{
    public static void Print(TextWriter output, PipelineSummary summary, IngestProgress thisRun, TimeSpan elapsed, EmbeddedRunSettings settings)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output) });
        var table = new Table().Border(TableBorder.Ascii).Title("SuperTickets run summary");
        table.AddColumn("Measure");
        table.AddColumn(new TableColumn("Count").RightAligned());
        void Row(string name, long value) => table.AddRow(name, value.ToString(CultureInfo.InvariantCulture));
        Row("Emails stored (all runs)", summary.Emails);
        Row("Emails new in this run", thisRun.Stored + thisRun.Quarantined);
        Row("Duplicates skipped in this run", thisRun.Duplicates);
        Row("Quarantined", summary.Quarantined);
        Row("Ignored (auto-replies, bounces, lists, copies)", summary.Ignored);
        Row("Tickets created", summary.Tickets);
        Row("Auto-answered from the knowledge base", summary.AutoAnswered);
        Row("Replies written to the outbox", summary.RepliesWritten);
        Row("Interaction log entries", summary.Interactions);
        Row("Dead letters", summary.DeadLetters);
        console.Write(table);

        var categories = new Table().Border(TableBorder.Ascii).Title("Tickets per category");
        categories.AddColumn("Category");
        categories.AddColumn(new TableColumn("Tickets").RightAligned());
        foreach (var (category, count) in summary.PerCategory)
        {
            categories.AddRow(category, count.ToString(CultureInfo.InvariantCulture));
        }
        console.Write(categories);
        console.WriteLine($"Done in {elapsed.TotalSeconds:F1} s. Outbox: {Path.GetFullPath(Path.Combine(settings.DataDirectory, "outbox"))}");
    }
}
