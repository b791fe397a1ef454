using System.Text.Json;
using SuperTickets.Knowledge;

namespace SuperTickets.Benchmarks.Knowledge;

/// <summary>A lookup to time, and the article it should find when known.</summary>
public sealed record LookupQuery(string Text, string? Expected);

/// <summary>
/// The query mix of the lookup benchmarks: the labelled sample questions (samples/kb-queries.jsonl, answered by
/// the sample articles), synthetic paraphrases of synthetic articles, and a copy of each with a typo in one word.
/// </summary>
public static class LookupQueries
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static List<LookupQuery> Mix(string samplesFolder, IReadOnlyList<KbArticle> synthetic, int syntheticCount)
    {
        var labelled = File.ReadLines(Path.Combine(samplesFolder, "kb-queries.jsonl"))
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonSerializer.Deserialize<LabelledLine>(line, Json)!)
            .Select(l => new LookupQuery(l.Query, l.Expected))
            .ToList();
        var paraphrases = SyntheticKb.Queries(synthetic, syntheticCount).Select(q => new LookupQuery(q, null));
        var plain = labelled.Concat(paraphrases).ToList();
        var random = new Random(2026);
        return [.. plain, .. plain.Select(q => q with { Text = WithTypo(q.Text, random) })];
    }

    /// <summary>Swaps two neighbouring letters of, or drops one letter from, one word of five or more letters.</summary>
    public static string WithTypo(string query, Random random)
    {
        var words = query.Split(' ');
        var candidates = Enumerable.Range(0, words.Length).Where(i => words[i].Length >= 5 && words[i].All(char.IsLetter)).ToList();
        if (candidates.Count == 0)
        {
            return query;
        }

        var w = candidates[random.Next(candidates.Count)];
        var chars = words[w].ToCharArray();
        var at = random.Next(1, chars.Length - 1);
        words[w] = random.Next(2) == 0
            ? new string(chars[..at]) + chars[at + 1] + chars[at] + new string(chars[(at + 2)..])
            : new string(chars[..at]) + new string(chars[(at + 1)..]);
        return string.Join(' ', words);
    }

    private sealed record LabelledLine(string Query, string? Expected);
}
