using BenchmarkDotNet.Attributes;
using SuperTickets.Knowledge;

namespace SuperTickets.Benchmarks.Knowledge;

/// <summary>Index construction (analysis, embedding fit, embeddings, postings) for synthetic articles.</summary>
[MemoryDiagnoser]
public class KnowledgeBuildBenchmarks
{
    private List<KbArticle> _articles = null!;

    [Params(10_000, 100_000)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup() => _articles = SyntheticKb.Articles(Articles);

    [Benchmark]
    public int Build() => KnowledgeIndex.Build(_articles).Count;
}
