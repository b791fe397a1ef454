using System.Text.Json;

namespace SuperTickets.Llm;

/// <summary>
/// Reads a model answer that must be one JSON object with exactly the given string properties. A Markdown code fence
/// around it is tolerated; anything else is refused with a content-free reason that never quotes the answer.
/// </summary>
internal static class FlatJsonAnswer
{
    /// <summary>The JSON schema of such an answer: exactly these string properties, each limited to its values when given.</summary>
    public static JsonElement Schema(params (string Name, IReadOnlyList<string>? Values)[] properties)
    {
        var definitions = new Dictionary<string, object>();
        foreach (var (name, values) in properties)
        {
            definitions[name] = values is null
                ? new Dictionary<string, object> { ["type"] = "string" }
                : new Dictionary<string, object> { ["type"] = "string", ["enum"] = values };
        }
        return JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["type"] = "object",
            ["properties"] = definitions,
            ["required"] = properties.Select(p => p.Name).ToArray(),
            ["additionalProperties"] = false,
        });
    }

    public static (Dictionary<string, string>? Values, string? Error) Read(string? text, IReadOnlyList<string> names)
    {
        var json = StripCodeFence(text);
        if (json.Length == 0) return (null, "empty answer");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return (null, "answer is not valid JSON");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, "answer is not a JSON object");
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                var known = names.Contains(property.Name) ? property.Name : "other";
                if (property.Value.ValueKind != JsonValueKind.String) return (null, $"'{known}' is not a string");
                if (known == "other" || !values.TryAdd(property.Name, property.Value.GetString()!))
                {
                    return (null, $"unexpected or repeated property '{known}'");
                }
            }
            return values.Count == names.Count ? (values, null) : (null, "a required property is missing");
        }
    }

    private static string StripCodeFence(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal) || !trimmed.EndsWith("```", StringComparison.Ordinal) || trimmed.Length < 6)
        {
            return trimmed;
        }
        var firstLineEnd = trimmed.IndexOf('\n');
        return firstLineEnd < 0 ? "" : trimmed[(firstLineEnd + 1)..^3].Trim();
    }
}
