using SuperTickets.Knowledge.Text;

namespace SuperTickets.Knowledge.Query;

/// <summary>
/// Turns a short question or a whole email ("subject, newline, body") into an <see cref="AnalyzedQuery"/>:
/// greeting, courtesy sentences and sign-off are dropped, subject terms weigh double (the subject usually
/// names the topic while the body tells the story), and concerns are read from the full text.
/// </summary>
internal static class QueryAnalyzer
{
    public const float SubjectWeight = 2f;

    public static AnalyzedQuery Analyze(string query)
    {
        var (subject, body) = EmailText.Split(query);
        var subjectStems = TextAnalyzer.UniqueStems(subject);
        var weights = new Dictionary<string, float>(StringComparer.Ordinal);
        var stems = new List<string>();
        foreach (var stem in subjectStems)
        {
            weights[stem] = SubjectWeight;
            stems.Add(stem);
        }

        foreach (var stem in TextAnalyzer.UniqueStems(body))
        {
            if (weights.TryAdd(stem, 1f))
            {
                stems.Add(stem);
            }
        }

        var embeddingText = subject.Length == 0 ? body : string.Join('\n', subject, subject, body);
        var words = new List<string>();
        TextAnalyzer.Analyze(subject + "\n" + body, [], words);
        var keyWords = words.Distinct(StringComparer.Ordinal).ToList();
        return new AnalyzedQuery(stems, weights, subjectStems, embeddingText, ConcernDetector.Detect(query), keyWords);
    }
}
