using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using SuperTickets.Knowledge;

namespace SuperTickets.Benchmarks.Knowledge;

/// <summary>
/// Lookups against an index of 100,000 synthetic articles. Setup also times 1,000 single searches one by
/// one and prints their p50/p95/p99, because the benchmark statistics are over batches of calls.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(KnowledgeLatencyConfig))]
public class KnowledgeSearchBenchmarks
{
    private KnowledgeIndex _index = null!;
    private List<string> _queries = null!;
    private KbArticle _article = null!;
    private int _next;

    [Params(100_000)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var articles = SyntheticKb.Articles(Articles);
        var build = Stopwatch.StartNew();
        _index = KnowledgeIndex.Build(articles);
        Console.WriteLine($"// knowledge: built {Articles:N0} articles in {build.Elapsed.TotalSeconds:F1} s");
        _queries = SyntheticKb.Queries(articles, 1_000);
        _article = articles[Articles / 2];
        PrintSingleQueryPercentiles();
    }

    [Benchmark]
    public int Search() => _index.Search(NextQuery(), top: 5).Count;

    [Benchmark]
    public double Decide() => _index.Decide(NextQuery()).Confidence;

    [Benchmark]
    public int UpdateOneArticle()
    {
        _index.Update(_article with { Title = _article.Title + (_next++ % 2 == 0 ? " revised" : string.Empty) });
        return _index.Count;
    }

    private string NextQuery() => _queries[_next++ % _queries.Count];

    private void PrintSingleQueryPercentiles() =>
        LatencyReport.MeasureAsync($"knowledge at {Articles:N0} articles, in process", _queries, q =>
        {
            _index.Search(q);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
}
