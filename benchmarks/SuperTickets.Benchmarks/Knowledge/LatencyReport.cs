using System.Diagnostics;

namespace SuperTickets.Benchmarks.Knowledge;

/// <summary>
/// Times single calls one by one (after one untimed pass that warms caches and the JIT) and prints their
/// percentiles: the benchmark statistics are over batches of calls, and a lookup's tail is what matters.
/// </summary>
public static class LatencyReport
{
    public static async Task<double[]> MeasureAsync(string label, IReadOnlyList<string> queries, Func<string, Task> call)
    {
        foreach (var query in queries)
        {
            await call(query);
        }

        var times = new double[queries.Count];
        for (var i = 0; i < queries.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call(queries[i]);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        Console.WriteLine(
            $"// {label}: {times.Length} single lookups: p50={Percentile(times, 0.50):F2} ms p95={Percentile(times, 0.95):F2} ms " +
            $"p99={Percentile(times, 0.99):F2} ms max={times[^1]:F2} ms");
        return times;
    }

    public static double Percentile(double[] sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Length) - 1];
}
