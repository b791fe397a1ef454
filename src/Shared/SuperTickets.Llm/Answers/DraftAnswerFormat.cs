using System.Text.Json;

namespace SuperTickets.Llm.Answers;

/// <summary>
/// The JSON schema of a drafted answer and its strict validation. <c>status</c> is <c>answered</c>, or the sentinel
/// <c>not_answered</c> when the article does not answer the request.
/// </summary>
internal static class DraftAnswerFormat
{
    public const string Answered = "answered";
    public const string NotAnswered = "not_answered";

    private static readonly IReadOnlyList<string> Properties = ["status", "article_id", "body"];

    public static readonly JsonElement Schema = FlatJsonAnswer.Schema(("status", [Answered, NotAnswered]), ("article_id", null), ("body", null));

    /// <summary>Parses <paramref name="text"/>; returns the answer, or null with a content-free reason.</summary>
    public static (DraftAnswer? Answer, string? Error) Parse(string? text)
    {
        var (values, error) = FlatJsonAnswer.Read(text, Properties);
        if (values is null) return (null, error);
        return values["status"] switch
        {
            Answered => (new DraftAnswer(true, values["article_id"].Trim(), values["body"].Trim()), null),
            NotAnswered => (new DraftAnswer(false, values["article_id"].Trim(), ""), null),
            _ => (null, "status is neither answered nor not_answered"),
        };
    }
}
