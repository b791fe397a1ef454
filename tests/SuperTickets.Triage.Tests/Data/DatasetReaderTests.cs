using SuperTickets.Triage.Data;

namespace SuperTickets.Triage.Tests.Data;

public sealed class DatasetReaderTests
{
    private static readonly DatasetReadOptions Columns = new() { TextColumn = "text", LabelColumn = "category" };

    [Fact]
    public void Csv_reads_quoted_fields_with_commas_and_line_breaks()
    {
        const string csv = "text,category,intent\n\"Hi, my invoice is wrong\",billing,invoice_copy\n\"two\nlines\",technical,outage\n";

        var data = DatasetReader.ReadCsv(new StringReader(csv), Columns);

        Assert.Equal(2, data.Items.Count);
        Assert.Equal("Hi, my invoice is wrong", data.Items[0].Text);
        Assert.Equal("billing", data.Items[0].Label);
        Assert.Equal("two\nlines", data.Items[1].Text);
        Assert.Empty(data.Warnings);
    }

    [Fact]
    public void Csv_without_the_label_column_names_the_missing_column_and_the_columns_present()
    {
        var error = Assert.Throws<DatasetFormatException>(() =>
            DatasetReader.ReadCsv(new StringReader("text,intent\nhello,greet\n"), Columns));

        Assert.Contains("'category'", error.Message);
        Assert.Contains("text, intent", error.Message);
    }

    [Fact]
    public void Rows_with_empty_text_are_skipped_with_a_warning_naming_the_line()
    {
        var data = DatasetReader.ReadCsv(new StringReader("text,category\n,billing\nok,billing\n"), Columns);

        Assert.Single(data.Items);
        Assert.Equal("line 2: empty text, row skipped", Assert.Single(data.Warnings));
    }

    [Fact]
    public void Labels_with_a_single_example_are_reported_for_training()
    {
        var data = DatasetReader.ReadCsv(new StringReader("text,category\na,billing\nb,billing\nc,refunds\n"), Columns);

        var warning = Assert.Single(data.TrainingWarnings());
        Assert.Contains("'refunds'", warning);
    }

    [Fact]
    public void Json_lines_read_one_object_per_line_and_skip_blank_lines()
    {
        const string jsonl = "{\"text\":\"where is my parcel\",\"category\":\"shipping\"}\n\n{\"text\":\"refund please\",\"category\":\"refunds\"}\n";

        var data = DatasetReader.ReadJsonLines(new StringReader(jsonl), Columns);

        Assert.Equal(["shipping", "refunds"], data.Items.Select(x => x.Label));
    }

    [Fact]
    public void Malformed_json_line_is_reported_with_its_line_number()
    {
        var error = Assert.Throws<DatasetFormatException>(() =>
            DatasetReader.ReadJsonLines(new StringReader("{\"text\":\"a\",\"category\":\"b\"}\n{oops\n"), Columns));

        Assert.StartsWith("line 2", error.Message);
    }

    [Fact]
    public void Split_keyed_json_reads_only_the_requested_splits()
    {
        const string json = """{"train": [["hi", "greet"], ["bye", "farewell"]], "test": [["hello", "greet"]]}""";

        var data = DatasetReader.ReadJson(json, new DatasetReadOptions { Splits = ["train"] });

        Assert.Equal(["hi", "bye"], data.Items.Select(x => x.Text));
    }

    [Fact]
    public void Unknown_split_lists_the_available_splits()
    {
        var error = Assert.Throws<DatasetFormatException>(() =>
            DatasetReader.ReadJson("""{"train": []}""", new DatasetReadOptions { Splits = ["val"] }));

        Assert.Contains("available splits: train", error.Message);
    }

    [Fact]
    public void Json_array_of_objects_uses_the_configured_fields()
    {
        var data = DatasetReader.ReadJson("""[{"text": "card declined", "category": "billing"}]""", Columns);

        Assert.Equal("billing", Assert.Single(data.Items).Label);
    }

    [Fact]
    public void Unsupported_extension_is_refused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dataset-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, "<x/>");
        try
        {
            var error = Assert.Throws<DatasetFormatException>(() => DatasetReader.ReadFile(path, Columns));
            Assert.Contains(".xml", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Clinc150_file_reads_all_splits_with_their_published_sizes()
    {
        var path = SharedData.Path("intents", "clinc150", "data_full.json");

        var train = DatasetReader.ReadFile(path, new DatasetReadOptions { Splits = ["train", "oos_train"] });

        Assert.Equal(15_100, train.Items.Count);
        Assert.Equal(151, train.Items.Select(x => x.Label).Distinct().Count());
    }
}
