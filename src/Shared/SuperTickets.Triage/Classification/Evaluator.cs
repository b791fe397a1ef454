namespace SuperTickets.Triage.Classification;

/// <summary>Builds an <see cref="EvaluationReport"/> from expected and answered labels.</summary>
internal static class Evaluator
{
    public static EvaluationReport Build(
        IReadOnlyList<string> expected, IReadOnlyList<string> answered, int unsure, string? outOfScopeLabel, int worstConfusions = 10)
    {
        var n = expected.Count;
        var labels = expected.Concat(answered).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var truePositive = new Dictionary<string, int>(StringComparer.Ordinal);
        var expectedCount = new Dictionary<string, int>(StringComparer.Ordinal);
        var answeredCount = new Dictionary<string, int>(StringComparer.Ordinal);
        var confusions = new Dictionary<(string, string), int>();
        int correct = 0, inScope = 0, inScopeCorrect = 0, oos = 0, oosCaught = 0;

        for (var i = 0; i < n; i++)
        {
            var e = expected[i];
            var a = answered[i];
            Increment(expectedCount, e);
            Increment(answeredCount, a);
            if (e == a)
            {
                correct++;
                Increment(truePositive, e);
            }
            else
            {
                confusions[(e, a)] = confusions.GetValueOrDefault((e, a)) + 1;
            }
            if (outOfScopeLabel is null) continue;
            if (e == outOfScopeLabel)
            {
                oos++;
                if (a == outOfScopeLabel) oosCaught++;
            }
            else
            {
                inScope++;
                if (e == a) inScopeCorrect++;
            }
        }

        var classes = labels.Select(label =>
        {
            var tp = truePositive.GetValueOrDefault(label);
            var support = expectedCount.GetValueOrDefault(label);
            var predictedTotal = answeredCount.GetValueOrDefault(label);
            var precision = predictedTotal == 0 ? 0 : (double)tp / predictedTotal;
            var recall = support == 0 ? 0 : (double)tp / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new ClassMetrics(label, precision, recall, f1, support);
        }).ToArray();

        var worst = confusions
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key.Item1, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.Item2, StringComparer.Ordinal)
            .Take(worstConfusions)
            .Select(pair => new LabelConfusion(pair.Key.Item1, pair.Key.Item2, pair.Value))
            .ToArray();

        return new EvaluationReport(
            n,
            n == 0 ? 0 : (double)correct / n,
            classes.Length == 0 ? 0 : classes.Average(c => c.F1),
            classes,
            worst,
            n == 0 ? 0 : (double)unsure / n,
            outOfScopeLabel is null || inScope == 0 ? null : (double)inScopeCorrect / inScope,
            outOfScopeLabel is null || oos == 0 ? null : (double)oosCaught / oos);
    }

    private static void Increment(Dictionary<string, int> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
