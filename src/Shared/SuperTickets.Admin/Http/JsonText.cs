using System.Text.Json;

namespace SuperTickets.Admin.Http;

/// <summary>JSON stored as text, returned as JSON (not as an escaped string).</summary>
internal static class JsonText
{
    public static JsonElement? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(json);
        }
    }
}
