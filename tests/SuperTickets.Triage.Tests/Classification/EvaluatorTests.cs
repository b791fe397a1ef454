using SuperTickets.Triage.Classification;

namespace SuperTickets.Triage.Tests.Classification;

public sealed class EvaluatorTests
{
    [Fact]
    public void Precision_recall_and_f1_follow_the_confusion_counts()
    {
        string[] expected = ["a", "a", "a", "b", "b", "oos"];
        string[] answered = ["a", "a", "b", "b", "oos", "oos"];

        var report = Evaluator.Build(expected, answered, unsure: 2, outOfScopeLabel: "oos");

        Assert.Equal(4.0 / 6, report.Accuracy, 6);
        var a = report.Classes.Single(c => c.Label == "a");
        Assert.Equal(1.0, a.Precision, 6);
        Assert.Equal(2.0 / 3, a.Recall, 6);
        Assert.Equal(0.8, a.F1, 6);
        Assert.Equal(3, a.Support);
        var b = report.Classes.Single(c => c.Label == "b");
        Assert.Equal(0.5, b.Precision, 6);
        Assert.Equal(0.5, b.Recall, 6);
        Assert.Equal(3.0 / 5, report.InScopeAccuracy!.Value, 6);
        Assert.Equal(1.0, report.OutOfScopeRecall!.Value, 6);
        Assert.Equal(2.0 / 6, report.UnsureRate, 6);
        Assert.Equal((0.8 + 0.5 + 2.0 / 3) / 3, report.MacroF1, 6);
    }

    [Fact]
    public void Worst_confusions_are_ordered_by_count()
    {
        string[] expected = ["a", "a", "a", "b", "c"];
        string[] answered = ["b", "b", "c", "a", "c"];

        var report = Evaluator.Build(expected, answered, unsure: 0, outOfScopeLabel: null);

        Assert.Equal(new LabelConfusion("a", "b", 2), report.WorstConfusions[0]);
        Assert.Equal(3, report.WorstConfusions.Count);
        Assert.Null(report.InScopeAccuracy);
        Assert.Null(report.OutOfScopeRecall);
    }
}
