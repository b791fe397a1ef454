using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace SuperTickets.Triage.Data;

/// <summary>
/// Reads labelled texts from CSV (header row), JSON Lines (one object per line), or JSON: an array of
/// objects, an array of [text, label] pairs, or an object of split name → [[text, label], ...] as CLINC150 uses.
/// </summary>
public static class DatasetReader
{
    /// <summary>Reads a file, choosing the format from its extension (.csv, .jsonl/.ndjson, .json).</summary>
    public static Dataset ReadFile(string path, DatasetReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new DatasetFormatException($"Data file '{path}' does not exist.");
        var extension = Path.GetExtension(path).ToLowerInvariant();
        using var reader = new StreamReader(path);
        return extension switch
        {
            ".csv" => ReadCsv(reader, options),
            ".jsonl" or ".ndjson" => ReadJsonLines(reader, options),
            ".json" => ReadJson(reader.ReadToEnd(), options),
            _ => throw new DatasetFormatException($"Unsupported data file extension '{extension}'; use .csv, .jsonl or .json."),
        };
    }

    public static Dataset ReadCsv(TextReader reader, DatasetReadOptions options)
    {
        var csvOptions = new CsvReaderOptions { Separator = ',', TrackLineNumbers = true, TrimWhitespace = true };
        using var csv = CsvReader.Create(reader, csvOptions, leaveOpen: true);
        try
        {
            csv.ReadHeader();
            var header = csv.Headers.ToArray();
            if (header.Length == 0) throw new DatasetFormatException("CSV data has no header row.");
            var textIndex = Column(header, options.TextColumn);
            var labelIndex = Column(header, options.LabelColumn);
            var builder = new DatasetBuilder();
            while (csv.Read())
            {
                var where = $"line {csv.LineNumber}";
                builder.Add(where, textIndex < csv.FieldCount ? csv.GetString(textIndex) : null,
                    labelIndex < csv.FieldCount ? csv.GetString(labelIndex) : null);
            }
            return builder.Build();
        }
        catch (CsvFormatException e)
        {
            throw new DatasetFormatException($"CSV data is malformed: {e.Message}", e);
        }
    }

    public static Dataset ReadJsonLines(TextReader reader, DatasetReadOptions options)
    {
        var builder = new DatasetBuilder();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var document = JsonDocument.Parse(line);
                AddObject(builder, document.RootElement, options, $"line {lineNumber}");
            }
            catch (JsonException e)
            {
                throw new DatasetFormatException($"line {lineNumber}: invalid JSON ({e.Message})", e);
            }
        }
        return builder.Build();
    }

    public static Dataset ReadJson(string json, DatasetReadOptions options)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new DatasetFormatException($"Invalid JSON: {e.Message}", e);
        }
        using (document)
        {
            var builder = new DatasetBuilder();
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                AddArray(builder, root, options, "item");
                return builder.Build();
            }
            if (root.ValueKind != JsonValueKind.Object)
                throw new DatasetFormatException("JSON data must be an array or an object of splits.");
            var available = root.EnumerateObject().Select(p => p.Name).ToArray();
            foreach (var split in options.Splits ?? available)
            {
                if (!root.TryGetProperty(split, out var items) || items.ValueKind != JsonValueKind.Array)
                    throw new DatasetFormatException($"Split '{split}' not found; available splits: {string.Join(", ", available)}.");
                AddArray(builder, items, options, $"{split} item");
            }
            return builder.Build();
        }
    }

    private static void AddArray(DatasetBuilder builder, JsonElement array, DatasetReadOptions options, string prefix)
    {
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var where = $"{prefix} {index++}";
            if (item.ValueKind == JsonValueKind.Array)
            {
                if (item.GetArrayLength() < 2) throw new DatasetFormatException($"{where}: expected [text, label].");
                builder.Add(where, AsText(item[0]), AsText(item[1]));
            }
            else
            {
                AddObject(builder, item, options, where);
            }
        }
    }

    private static void AddObject(DatasetBuilder builder, JsonElement item, DatasetReadOptions options, string where)
    {
        if (item.ValueKind != JsonValueKind.Object) throw new DatasetFormatException($"{where}: expected a JSON object.");
        if (!item.TryGetProperty(options.TextColumn, out var text))
            throw new DatasetFormatException($"{where}: field '{options.TextColumn}' not found.");
        if (!item.TryGetProperty(options.LabelColumn, out var label))
            throw new DatasetFormatException($"{where}: field '{options.LabelColumn}' not found.");
        builder.Add(where, AsText(text), AsText(label));
    }

    private static string? AsText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => null,
    };

    private static int Column(string[] header, string name)
    {
        var index = Array.FindIndex(header, h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
            throw new DatasetFormatException($"Column '{name}' not found; columns are: {string.Join(", ", header)}.");
        return index;
    }
}
