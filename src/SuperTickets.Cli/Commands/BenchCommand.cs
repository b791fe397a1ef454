using System.CommandLine;
using System.Text.Json;
using SuperTickets.Cli.Bench;

namespace SuperTickets.Cli.Commands;

/// <summary><c>supertickets bench [--emails N] [--json]</c>: end-to-end throughput and latency of the embedded pipeline.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var emails = new Option<int>("--emails") { Description = "How many synthetic emails to push through.", DefaultValueFactory = _ => 10_000 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var samples = new Option<string>("--samples") { Description = "Samples folder (knowledge base, agents, SLA policies).", DefaultValueFactory = _ => "samples" };
        var command = new Command("bench", "Measure the embedded pipeline end to end: emails/s and per-email latency.") { emails, json, samples };
        command.SetAction(async (parse, ct) =>
        {
            var count = parse.GetValue(emails);
            if (count < 1)
            {
                Console.Error.WriteLine("--emails must be at least 1.");
                return 2;
            }
            var result = await EmbeddedBench.RunAsync(count, parse.GetValue(samples)!, ct);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    emails = result.Emails,
                    seconds = result.Seconds,
                    emailsPerSecond = result.EmailsPerSecond,
                    p50Ms = result.P50Ms,
                    p95Ms = result.P95Ms,
                    p99Ms = result.P99Ms,
                    tickets = result.Tickets,
                    replies = result.Replies,
                }));
            }
            else
            {
                Console.WriteLine($"{result.Emails} emails in {result.Seconds:F2} s: {result.EmailsPerSecond:F0} emails/s; latency p50 {result.P50Ms} ms, p95 {result.P95Ms} ms, p99 {result.P99Ms} ms; {result.Tickets} tickets, {result.Replies} replies sent.");
            }
            return 0;
        });
        return command;
    }
}
