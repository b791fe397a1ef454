using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using SuperTickets.Triage.Classification;
using SuperTickets.Triage.Data;

namespace SuperTickets.Cli.Commands;

/// <summary><c>supertickets model train|eval</c>: train a text classifier from a data file and evaluate it.</summary>
public static class ModelCommand
{
    private const int Success = 0;
    private const int BadInput = 2;

    public static Command Create()
    {
        var command = new Command("model", "Train and evaluate text classifiers.");
        command.Subcommands.Add(CreateTrain());
        command.Subcommands.Add(CreateEval());
        return command;
    }

    private static Command CreateTrain()
    {
        var data = DataOption();
        var text = TextOption();
        var label = LabelOption();
        var split = SplitOption("train");
        var validationSplit = new Option<string?>("--validation-split") { Description = "JSON splits used for validation (comma-separated); default: a held-out share of the data." };
        var oosLabel = new Option<string?>("--oos-label") { Description = "Label meaning out of scope (answered when the model is unsure)." };
        var output = new Option<string>("--out") { Description = "Model file to write.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 42 };
        var skipInvalid = SkipInvalidOption();
        var command = new Command("train", "Train a classifier from a .csv, .jsonl or .json file.")
        {
            data, text, label, split, validationSplit, oosLabel, output, seed, skipInvalid,
        };
        command.SetAction(result => Run(() =>
        {
            var path = result.GetValue(data)!;
            var columns = Columns(result.GetValue(text)!, result.GetValue(label)!, result.GetValue(split));
            var items = Load(path, columns, result.GetValue(skipInvalid), forTraining: true);
            if (items is null) return BadInput;
            IReadOnlyList<LabeledText>? validation = null;
            if (result.GetValue(validationSplit) is { } splits)
            {
                validation = Load(path, columns with { Splits = SplitList(splits) }, result.GetValue(skipInvalid), forTraining: false);
                if (validation is null) return BadInput;
            }
            var options = new TrainingOptions { Seed = result.GetValue(seed), OutOfScopeLabel = result.GetValue(oosLabel), Validation = validation };
            var model = TrainWithProgress(items, options);
            var outPath = result.GetValue(output)!;
            using (var stream = File.Create(outPath)) model.Save(stream);
            var m = model.Metadata;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Trained {m.Labels.Count} labels on {m.TrainingExamples} texts ({m.ValidationExamples} validation): validation accuracy {m.ValidationAccuracy:P2}, macro-F1 {m.ValidationMacroF1:P2}, epoch {m.Epochs}. Saved {outPath}."));
            return Success;
        }));
        return command;
    }

    private static Command CreateEval()
    {
        var data = DataOption();
        var text = TextOption();
        var label = LabelOption();
        var split = SplitOption("test");
        var modelPath = new Option<string>("--model") { Description = "Model file to evaluate.", Required = true };
        var oosLabel = new Option<string?>("--oos-label") { Description = "Label meaning out of scope; default: the model's own." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of tables." };
        var skipInvalid = SkipInvalidOption();
        var command = new Command("eval", "Evaluate a model on labelled data.") { data, text, label, split, modelPath, oosLabel, json, skipInvalid };
        command.SetAction(result => Run(() =>
        {
            TextClassifier model;
            using (var stream = File.OpenRead(result.GetValue(modelPath)!)) model = TextClassifier.Load(stream);
            var columns = Columns(result.GetValue(text)!, result.GetValue(label)!, result.GetValue(split));
            var items = Load(result.GetValue(data)!, columns, result.GetValue(skipInvalid), forTraining: false);
            if (items is null) return BadInput;
            var report = model.Evaluate(items, result.GetValue(oosLabel));
            if (result.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(ToJson(report), JsonOptions));
            else PrintReport(report);
            return Success;
        }));
        return command;
    }

    private static Option<string> DataOption() => new("--data") { Description = "Data file: .csv, .jsonl or .json (CLINC-style splits).", Required = true };

    private static Option<string> TextOption() => new("--text") { Description = "Text column or field.", DefaultValueFactory = _ => "text" };

    private static Option<string> LabelOption() => new("--label") { Description = "Label column or field.", DefaultValueFactory = _ => "label" };

    private static Option<string> SplitOption(string fallback) =>
        new("--split") { Description = $"Splits of a split-keyed JSON file, comma-separated (default {fallback}).", DefaultValueFactory = _ => fallback };

    private static Option<bool> SkipInvalidOption() =>
        new("--skip-invalid") { Description = "Skip unusable rows and labels with a single example instead of failing." };

    private static DatasetReadOptions Columns(string text, string label, string? splits) =>
        new() { TextColumn = text, LabelColumn = label, Splits = splits is null ? null : SplitList(splits) };

    private static string[] SplitList(string splits) =>
        splits.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IReadOnlyList<LabeledText>? Load(string path, DatasetReadOptions columns, bool skipInvalid, bool forTraining)
    {
        var dataset = DatasetReader.ReadFile(path, columns);
        var problems = dataset.Warnings.Concat(forTraining ? dataset.TrainingWarnings() : []).ToArray();
        foreach (var problem in problems.Take(20)) Console.Error.WriteLine($"{(skipInvalid ? "warning" : "error")}: {problem}");
        if (problems.Length > 20) Console.Error.WriteLine($"... and {problems.Length - 20} more");
        if (problems.Length > 0 && !skipInvalid)
        {
            Console.Error.WriteLine("error: the data has problems; fix them or pass --skip-invalid.");
            return null;
        }
        var items = dataset.Items;
        if (forTraining && skipInvalid)
        {
            var sparse = items.GroupBy(x => x.Label, StringComparer.Ordinal).Where(g => g.Count() < 2).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
            items = items.Where(x => !sparse.Contains(x.Label)).ToArray();
        }
        if (items.Count == 0)
        {
            Console.Error.WriteLine("error: no usable labelled texts in the data.");
            return null;
        }
        return items;
    }

    private static TextClassifier TrainWithProgress(IReadOnlyList<LabeledText> items, TrainingOptions options)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("Training", maxValue: options.MaxEpochs);
                var model = TextClassifierTrainer.Train(items, options, new EpochProgress(task));
                task.Value = task.MaxValue;
                return model;
            });
    }

    private static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is DatasetFormatException or ModelFormatException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            var message = e is ArgumentException { ParamName: { } name } ? e.Message.Replace($" (Parameter '{name}')", "") : e.Message;
            Console.Error.WriteLine($"error: {message}");
            return BadInput;
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static object ToJson(EvaluationReport r) => new
    {
        r.Count,
        r.Accuracy,
        MacroF1 = r.MacroF1,
        r.InScopeAccuracy,
        OutOfScopeRecall = r.OutOfScopeRecall,
        r.UnsureRate,
        Classes = r.Classes.Select(c => new { c.Label, c.Precision, c.Recall, c.F1, c.Support }),
        WorstConfusions = r.WorstConfusions.Select(c => new { c.Expected, c.Predicted, c.Count }),
    };

    private static void PrintReport(EvaluationReport r)
    {
        var summary = new Table().AddColumns("metric", "value");
        summary.AddRow("texts", r.Count.ToString(CultureInfo.InvariantCulture));
        summary.AddRow("accuracy", Percent(r.Accuracy));
        summary.AddRow("macro-F1", Percent(r.MacroF1));
        if (r.InScopeAccuracy is { } inScope) summary.AddRow("in-scope accuracy", Percent(inScope));
        if (r.OutOfScopeRecall is { } oos) summary.AddRow("out-of-scope recall", Percent(oos));
        summary.AddRow("unsure", Percent(r.UnsureRate));
        AnsiConsole.Write(summary);

        var classes = new Table().AddColumns("label", "precision", "recall", "F1", "support");
        foreach (var c in r.Classes)
            classes.AddRow(new Text(c.Label), new Text(Percent(c.Precision)), new Text(Percent(c.Recall)), new Text(Percent(c.F1)), new Text(c.Support.ToString(CultureInfo.InvariantCulture)));
        AnsiConsole.Write(classes);

        if (r.WorstConfusions.Count == 0) return;
        var confusions = new Table().AddColumns("expected", "predicted", "count");
        foreach (var c in r.WorstConfusions)
            confusions.AddRow(new Text(c.Expected), new Text(c.Predicted), new Text(c.Count.ToString(CultureInfo.InvariantCulture)));
        AnsiConsole.Write(confusions);
    }

    private static string Percent(double value) => value.ToString("P2", CultureInfo.InvariantCulture);

    private sealed class EpochProgress(ProgressTask task) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            task.Value = value.Stopping ? task.MaxValue : value.Epoch;
            task.Description = string.Create(CultureInfo.InvariantCulture, $"Epoch {value.Epoch}: validation {value.ValidationAccuracy:P1}");
        }
    }
}
