using System.Numerics.Tensors;

namespace SuperTickets.Triage.Classification;

/// <summary>Temperature scaling and unsure-threshold selection on validation scores.</summary>
internal static class Calibration
{
    /// <summary>Finds the temperature that minimizes validation cross-entropy (golden-section search on log T).</summary>
    public static float FitTemperature(float[] logits, int[] labels, int classes)
    {
        if (labels.Length == 0) return 1f;
        double lo = Math.Log(0.02), hi = Math.Log(20);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        double a = hi - ratio * (hi - lo), b = lo + ratio * (hi - lo);
        double fa = Loss(logits, labels, classes, Math.Exp(a)), fb = Loss(logits, labels, classes, Math.Exp(b));
        for (var iteration = 0; iteration < 40; iteration++)
        {
            if (fa < fb)
            {
                hi = b; b = a; fb = fa;
                a = hi - ratio * (hi - lo);
                fa = Loss(logits, labels, classes, Math.Exp(a));
            }
            else
            {
                lo = a; a = b; fa = fb;
                b = lo + ratio * (hi - lo);
                fb = Loss(logits, labels, classes, Math.Exp(b));
            }
        }
        return (float)Math.Exp((lo + hi) / 2);
    }

    /// <summary>
    /// Chooses the confidence below which answers are unsure. With out-of-scope examples in the validation
    /// data it maximizes validation accuracy where unsure answers count as out of scope; otherwise it
    /// maximizes confident-correct minus confident-wrong answers (a wrong confident answer costs as much
    /// as a right one gains). <paramref name="outOfScope"/> may lie past the last class when out-of-scope
    /// texts are answered by the threshold alone.
    /// </summary>
    public static float ChooseThreshold(float[] confidence, int[] predicted, int[] labels, int outOfScope)
    {
        var n = labels.Length;
        if (n == 0) return 0f;
        var order = Enumerable.Range(0, n).OrderBy(i => confidence[i]).ThenBy(i => i).ToArray();
        var inScope = labels.Count(l => l != outOfScope);
        var oos = n - inScope;
        var useOos = outOfScope >= 0 && oos > 0;

        int inScopeCorrect = 0, oosCaught = 0, answeredCorrect = 0, answeredWrong = 0;
        for (var i = 0; i < n; i++)
        {
            var answeredOos = predicted[i] == outOfScope;
            if (labels[i] != outOfScope && !answeredOos && predicted[i] == labels[i]) inScopeCorrect++;
            if (labels[i] == outOfScope && answeredOos) oosCaught++;
            if (predicted[i] == labels[i]) answeredCorrect++; else answeredWrong++;
        }

        var best = Score();
        var threshold = 0f;
        for (var position = 0; position < n; position++)
        {
            var i = order[position];
            var wasOos = predicted[i] == outOfScope;
            if (!wasOos && labels[i] != outOfScope && predicted[i] == labels[i]) inScopeCorrect--;
            if (!wasOos && labels[i] == outOfScope) oosCaught++;
            if (predicted[i] == labels[i]) answeredCorrect--; else answeredWrong--;
            if (position + 1 < n && confidence[order[position + 1]] == confidence[i]) continue;
            var score = Score();
            if (score > best)
            {
                best = score;
                threshold = position + 1 < n ? confidence[order[position + 1]] : MathF.BitIncrement(confidence[i]);
            }
        }
        return threshold;

        double Score() => useOos
            ? inScopeCorrect + oosCaught
            : answeredCorrect - answeredWrong;
    }

    private static double Loss(float[] logits, int[] labels, int classes, double temperature)
    {
        var scaled = new float[classes];
        var inverse = (float)(1 / temperature);
        var total = 0.0;
        var scored = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= classes) continue;
            scored++;
            var row = logits.AsSpan(i * classes, classes);
            TensorPrimitives.Multiply(row, inverse, scaled);
            var max = TensorPrimitives.Max(scaled);
            var sum = 0.0;
            foreach (var s in scaled) sum += Math.Exp(s - max);
            total += Math.Log(sum) + max - scaled[labels[i]];
        }
        return scored == 0 ? 0 : total / scored;
    }
}
