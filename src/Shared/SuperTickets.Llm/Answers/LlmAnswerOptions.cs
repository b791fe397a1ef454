using System.ComponentModel.DataAnnotations;

namespace SuperTickets.Llm.Answers;

/// <summary>
/// Knowledge-base answers drafted by the language model (section <c>Resolve:LlmAnswers</c>). Used only when a language
/// model is configured (<c>Llm:Provider</c>); otherwise auto-answers are always the article template.
/// </summary>
public sealed class LlmAnswerOptions
{
    public const string Section = "Resolve:LlmAnswers";

    /// <summary>Draft auto-answers with the language model when one is configured.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time allowed for one draft, retries included; after it the template answer is sent.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Answer token limit of one draft.</summary>
    [Range(64, 8192)]
    public int MaxOutputTokens { get; set; } = 800;

    /// <summary>Article characters sent with the question; the rest is cut off (and cannot be cited).</summary>
    [Range(200, 100_000)]
    public int MaxArticleChars { get; set; } = 8000;

    /// <summary>Longest draft body accepted, in characters.</summary>
    [Range(100, 20_000)]
    public int MaxDraftChars { get; set; } = 3000;
}
