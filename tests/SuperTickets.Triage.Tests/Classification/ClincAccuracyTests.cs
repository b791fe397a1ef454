using SuperTickets.Triage.Classification;

namespace SuperTickets.Triage.Tests.Classification;

public sealed class ClincAccuracyTests(ClincFixture clinc) : IClassFixture<ClincFixture>
{
    [Fact]
    public void In_scope_accuracy_on_the_test_split_stays_above_the_floor()
    {
        Assert.NotNull(clinc.Report.InScopeAccuracy);
        Assert.True(clinc.Report.InScopeAccuracy >= 0.915, $"in-scope accuracy {clinc.Report.InScopeAccuracy:P2}");
    }

    [Fact]
    public void Out_of_scope_recall_on_the_test_split_stays_above_the_floor()
    {
        Assert.NotNull(clinc.Report.OutOfScopeRecall);
        Assert.True(clinc.Report.OutOfScopeRecall >= 0.50, $"out-of-scope recall {clinc.Report.OutOfScopeRecall:P2}");
    }

    [Fact]
    public void Metadata_records_labels_and_validation_metrics()
    {
        var metadata = clinc.Model.Metadata;
        Assert.Equal(150, metadata.Labels.Count);
        Assert.Equal("oos", metadata.OutOfScopeLabel);
        Assert.Equal(15_000, metadata.TrainingExamples);
        Assert.Equal(3_100, metadata.ValidationExamples);
        Assert.InRange(metadata.ValidationAccuracy, 0.85, 1.0);
        Assert.InRange(metadata.UnsureThreshold, 0.05f, 0.95f);
    }

    [Fact]
    public void Prediction_lists_top_guesses_in_descending_probability()
    {
        var prediction = clinc.Model.Predict("please transfer 200 dollars from checking to savings");

        Assert.Equal("transfer", prediction.Label);
        Assert.False(prediction.IsUnsure);
        Assert.Equal(3, prediction.Top.Count);
        Assert.Equal(prediction.Confidence, prediction.Top[0].Score);
        Assert.True(prediction.Top[0].Score >= prediction.Top[1].Score && prediction.Top[1].Score >= prediction.Top[2].Score);
        Assert.True(prediction.Top.Sum(t => t.Score) <= 1.0001f);
    }

    [Fact]
    public void Unsure_answers_carry_the_out_of_scope_label()
    {
        var answers = clinc.Test.Where(t => t.Label == "oos").Take(200).Select(t => clinc.Model.Predict(t.Text)).ToArray();

        Assert.Contains(answers, a => a.IsUnsure);
        Assert.All(answers.Where(a => a.IsUnsure), a => Assert.Equal("oos", a.Label));
        Assert.All(answers.Where(a => !a.IsUnsure), a => Assert.True(a.Confidence >= clinc.Model.Metadata.UnsureThreshold));
    }

    [Fact]
    public void Report_lists_per_class_metrics_and_worst_confusions()
    {
        var report = clinc.Report;

        Assert.Equal(5_500, report.Count);
        Assert.Equal(151, report.Classes.Count);
        Assert.InRange(report.MacroF1, 0.8, 1.0);
        Assert.NotEmpty(report.WorstConfusions);
        Assert.True(report.WorstConfusions.Zip(report.WorstConfusions.Skip(1)).All(p => p.First.Count >= p.Second.Count));
        Assert.All(report.WorstConfusions, c => Assert.NotEqual(c.Expected, c.Predicted));
    }

    [Fact]
    public void Saved_model_loads_and_answers_identically()
    {
        using var stream = new MemoryStream();
        clinc.Model.Save(stream);
        stream.Position = 0;
        var loaded = TextClassifier.Load(stream);

        Assert.Equal(clinc.Model.Metadata.Labels, loaded.Metadata.Labels);
        Assert.Equal(clinc.Model.Metadata.UnsureThreshold, loaded.Metadata.UnsureThreshold);
        foreach (var item in clinc.Test.Take(300))
        {
            var a = clinc.Model.Predict(item.Text);
            var b = loaded.Predict(item.Text);
            Assert.Equal(a.Label, b.Label);
            Assert.Equal(a.Confidence, b.Confidence);
        }
    }
}
