using System.Numerics.Tensors;

namespace SuperTickets.Triage.Classification;

/// <summary>
/// Trains a <see cref="TextClassifier"/>: multinomial logistic regression over hashed n-gram features,
/// AdaGrad with L2, class weights and early stopping on validation accuracy, then temperature scaling and
/// an unsure threshold fitted on the validation data. Single-threaded and deterministic for a given seed.
/// </summary>
public static class TextClassifierTrainer
{
    public static TextClassifier Train(IReadOnlyList<LabeledText> data, TrainingOptions options, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var (train, validation) = TrainingSplit.Create(data, options);
        var labels = train.Select(x => x.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (labels.Length < 2)
            throw new ArgumentException("Training data needs at least two distinct labels.", nameof(data));
        var labelIndex = labels.Select((label, index) => (label, index)).ToDictionary(p => p.label, p => p.index, StringComparer.Ordinal);
        var outOfScope = options.OutOfScopeLabel is null ? -1 : labelIndex.GetValueOrDefault(options.OutOfScopeLabel, labels.Length);
        if (outOfScope == labels.Length) labelIndex[options.OutOfScopeLabel!] = outOfScope;
        validation = validation.Where(x => labelIndex.ContainsKey(x.Label)).ToList();

        var space = FeatureSpace.Build(options.Features, train.Select(x => x.Text).ToArray());
        var trainSet = SparseDataset.Build(space, train, labelIndex);
        var validationSet = SparseDataset.Build(space, validation, labelIndex);
        var classWeights = ClassWeights(trainSet.Labels, labels.Length, options.BalanceClasses);

        var (model, epoch) = Fit(space, trainSet, validationSet, classWeights, labels.Length, options, progress);

        var (temperature, threshold) = Calibrate(model, validationSet, labels.Length, outOfScope, options);
        var metadata = new ModelMetadata(
            labels, options.OutOfScopeLabel, options.Features, DateTimeOffset.UtcNow, train.Count, validation.Count,
            epoch, options.Seed, space.RowCount, temperature, threshold, 0, 0);
        var classifier = new TextClassifier(space, model, metadata);
        if (validation.Count == 0) return classifier;
        var report = classifier.Evaluate(validation);
        return classifier.WithMetadata(metadata with { ValidationAccuracy = report.Accuracy, ValidationMacroF1 = report.MacroF1 });
    }

    private static (LinearModel Model, int Epoch) Fit(
        FeatureSpace space, SparseDataset train, SparseDataset validation, float[] classWeights, int classes,
        TrainingOptions options, IProgress<TrainingProgress>? progress)
    {
        var model = new LinearModel(space.RowCount, classes);
        var optimizer = new AdaGradOptimizer(model, options.LearningRate, options.L2);
        var random = new Random(options.Seed);
        var order = Enumerable.Range(0, train.Count).ToArray();
        var probabilities = new float[classes];
        LinearModel? best = null;
        var bestEpoch = 0;
        var bestAccuracy = -1.0;
        var bestLoss = double.MaxValue;
        var stale = 0;

        for (var epoch = 1; epoch <= options.MaxEpochs; epoch++)
        {
            random.Shuffle(order);
            var loss = 0.0;
            var weightSum = 0.0;
            foreach (var i in order)
            {
                var y = train.Labels[i];
                var weight = classWeights[y];
                model.Scores(train.RowsOf(i), train.ValuesOf(i), probabilities);
                Softmax.Apply(probabilities);
                loss -= weight * Math.Log(Math.Max(probabilities[y], 1e-12f));
                weightSum += weight;
                TensorPrimitives.Multiply(probabilities, weight, probabilities);
                probabilities[y] -= weight;
                optimizer.Step(train.RowsOf(i), train.ValuesOf(i), probabilities);
            }

            var (accuracy, validationLoss) = Score(model, validation, probabilities);
            var improved = validation.Count == 0 || accuracy > bestAccuracy || (accuracy == bestAccuracy && validationLoss < bestLoss);
            if (improved)
            {
                best = validation.Count == 0 ? model : model.Clone();
                bestEpoch = epoch;
                bestAccuracy = accuracy;
                bestLoss = validationLoss;
                stale = 0;
            }
            else
            {
                stale++;
            }
            var stopping = stale >= options.Patience || epoch == options.MaxEpochs;
            progress?.Report(new TrainingProgress(epoch, options.MaxEpochs, loss / Math.Max(weightSum, 1e-9), accuracy, stopping));
            if (stopping) break;
        }
        return (best ?? model, bestEpoch);
    }

    private static (double Accuracy, double Loss) Score(LinearModel model, SparseDataset data, float[] scratch)
    {
        var correct = 0;
        var loss = 0.0;
        var scored = 0;
        for (var i = 0; i < data.Count; i++)
        {
            if (data.Labels[i] >= model.Classes) continue;
            scored++;
            model.Scores(data.RowsOf(i), data.ValuesOf(i), scratch);
            Softmax.Apply(scratch);
            if (TensorPrimitives.IndexOfMax(scratch) == data.Labels[i]) correct++;
            loss -= Math.Log(Math.Max(scratch[data.Labels[i]], 1e-12f));
        }
        return scored == 0 ? (0, 0) : ((double)correct / scored, loss / scored);
    }

    private static (float Temperature, float Threshold) Calibrate(
        LinearModel model, SparseDataset validation, int classes, int outOfScope, TrainingOptions options)
    {
        if (validation.Count == 0) return (1f, options.UnsureThreshold ?? 0f);
        var logits = new float[validation.Count * classes];
        for (var i = 0; i < validation.Count; i++)
            model.Scores(validation.RowsOf(i), validation.ValuesOf(i), logits.AsSpan(i * classes, classes));
        var temperature = Calibration.FitTemperature(logits, validation.Labels, classes);
        if (options.UnsureThreshold is { } fixedThreshold) return (temperature, fixedThreshold);

        var confidence = new float[validation.Count];
        var predicted = new int[validation.Count];
        var scratch = new float[classes];
        for (var i = 0; i < validation.Count; i++)
        {
            TensorPrimitives.Multiply(logits.AsSpan(i * classes, classes), 1f / temperature, scratch);
            Softmax.Apply(scratch);
            predicted[i] = TensorPrimitives.IndexOfMax(scratch);
            confidence[i] = scratch[predicted[i]];
        }
        return (temperature, Calibration.ChooseThreshold(confidence, predicted, validation.Labels, outOfScope));
    }

    private static float[] ClassWeights(int[] labels, int classes, bool balance)
    {
        var weights = new float[classes];
        Array.Fill(weights, 1f);
        if (!balance) return weights;
        var counts = new int[classes];
        foreach (var label in labels) counts[label]++;
        for (var c = 0; c < classes; c++)
            weights[c] = counts[c] == 0 ? 1f : Math.Clamp((float)labels.Length / (classes * counts[c]), 0.2f, 5f);
        return weights;
    }
}
