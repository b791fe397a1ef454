using SuperTickets.Triage.Classification;

namespace SuperTickets.Triage.Tests.Classification;

public sealed class TrainerTests
{
    [Fact]
    public void Same_seed_gives_identical_predictions()
    {
        var options = new TrainingOptions { Seed = 7 };
        var first = TextClassifierTrainer.Train(ClincSubset.Train, options);
        var second = TextClassifierTrainer.Train(ClincSubset.Train, options);

        foreach (var item in ClincSubset.Test)
        {
            var a = first.Predict(item.Text);
            var b = second.Predict(item.Text);
            Assert.Equal(a.Label, b.Label);
            Assert.Equal(a.Confidence, b.Confidence);
        }
        Assert.Equal(first.Metadata.UnsureThreshold, second.Metadata.UnsureThreshold);
        Assert.Equal(first.Metadata.Temperature, second.Metadata.Temperature);
    }

    [Fact]
    public void Held_out_split_is_used_when_no_validation_data_is_given()
    {
        var model = TextClassifierTrainer.Train(ClincSubset.Train, new TrainingOptions { ValidationFraction = 0.2 });

        Assert.Equal(ClincSubset.Train.Count, model.Metadata.TrainingExamples + model.Metadata.ValidationExamples);
        Assert.InRange(model.Metadata.ValidationExamples, 230, 250);
        Assert.True(model.Evaluate(ClincSubset.Test).Accuracy > 0.9);
    }

    [Fact]
    public void Progress_is_reported_once_per_epoch_and_the_last_report_says_stopping()
    {
        var reports = new List<TrainingProgress>();
        TextClassifierTrainer.Train(ClincSubset.Train, new TrainingOptions { MaxEpochs = 4 }, new ListProgress(reports));

        Assert.NotEmpty(reports);
        Assert.Equal(Enumerable.Range(1, reports.Count), reports.Select(r => r.Epoch));
        Assert.True(reports[^1].Stopping);
        Assert.All(reports.SkipLast(1), r => Assert.False(r.Stopping));
    }

    [Fact]
    public void Fixed_threshold_marks_low_confidence_answers_unsure()
    {
        var model = TextClassifierTrainer.Train(ClincSubset.Train, new TrainingOptions { UnsureThreshold = 0.999f });

        var prediction = model.Predict("hmm");

        Assert.True(prediction.IsUnsure);
        Assert.Contains(prediction.Label, model.Labels);
    }

    [Fact]
    public void Training_data_with_a_single_label_is_rejected()
    {
        var data = new[] { new LabeledText("a", "x"), new LabeledText("b", "x") };

        var error = Assert.Throws<ArgumentException>(() => TextClassifierTrainer.Train(data, new TrainingOptions()));
        Assert.Contains("two distinct labels", error.Message);
    }

    [Fact]
    public void Invalid_options_are_rejected_with_the_setting_named()
    {
        var options = new TrainingOptions { Features = new FeatureOptions { HashBits = 30 } };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TextClassifierTrainer.Train(ClincSubset.Train, options));
        Assert.Equal("HashBits", error.ParamName);
    }

    private sealed class ListProgress(List<TrainingProgress> reports) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => reports.Add(value);
    }
}
