using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using SuperTickets.Knowledge.Retrieval;

namespace SuperTickets.Knowledge.Tests;

/// <summary>
/// The index build is tuned for speed; these tests pin its output to rankings recorded from the plain
/// implementation (Golden/sample-rankings.tsv), so an optimization can never change a search result.
/// </summary>
public sealed class BuildRegressionTests
{
    private static readonly Lazy<string[]> Recorded = new(() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Golden", "sample-rankings.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToArray());

    [Fact]
    public void Embeddings_of_sample_articles_and_queries_are_bit_for_bit_the_recorded_ones()
    {
        var index = Samples.Index;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var vector = new float[index.Embedder.Dimensions];
        var texts = Samples.Articles.OrderBy(a => a.Id, StringComparer.Ordinal).Select(ArticleAnalyzer.EmbeddingText)
            .Concat(Samples.Queries.Select(q => q.Query))
            .Concat(Samples.Emails.Select(e => e.Query));
        foreach (var text in texts)
        {
            index.Embedder.Embed(text, vector);
            sha.AppendData(MemoryMarshal.AsBytes(vector.AsSpan()));
        }

        Assert.Equal(Recorded.Value[0], "vectors\t" + Convert.ToHexString(sha.GetHashAndReset()));
    }

    [Fact]
    public void Top_ten_of_every_sample_query_and_every_email_decision_are_the_recorded_ones()
    {
        var index = Samples.Index;
        var lines = new List<string>();
        for (var i = 0; i < Samples.Queries.Count; i++)
        {
            foreach (var hit in index.Search(Samples.Queries[i].Query, top: 10))
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"q{i}\t{hit.Article.Id}\t{hit.Score:R}\t{hit.Similarity:R}\t{hit.TextScore:R}"));
            }
        }

        for (var i = 0; i < Samples.Emails.Count; i++)
        {
            var decision = index.Decide(Samples.Emails[i].Query);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"e{i}\t{decision.Best?.Article.Id}\t{decision.Confidence:R}"));
        }

        Assert.Equal(Recorded.Value.Skip(1), lines);
    }
}
