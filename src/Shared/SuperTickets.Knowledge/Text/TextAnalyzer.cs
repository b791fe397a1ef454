using System.Globalization;
using System.Text;

namespace SuperTickets.Knowledge.Text;

/// <summary>
/// Shared analysis for the text index and the hashed embedder: lowercase, diacritics removed, tokens are
/// runs of Unicode letters or digits, stop words dropped, light stemming.
/// </summary>
internal static class TextAnalyzer
{
    [ThreadStatic]
    private static TextTokens? s_tokens;

    /// <summary>Lowercases and strips diacritics ("Política" → "politica", "Straße" → "strasse").</summary>
    public static string Fold(string text)
    {
        var ascii = true;
        foreach (var c in text)
        {
            if (c > 0x7F)
            {
                ascii = false;
                break;
            }
        }

        if (ascii)
        {
            return text.ToLowerInvariant();
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (c == 'ß')
            {
                sb.Append("ss");
                continue;
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    /// <summary>Appends the folded words of <paramref name="text"/> that are not stop words, and their stems.</summary>
    public static void Analyze(string text, List<string> stems, List<string>? words = null)
    {
        var tokens = s_tokens ??= new TextTokens();
        tokens.Clear();
        tokens.Append(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            stems.Add(tokens.Stem(i).ToString());
            words?.Add(tokens.Word(i).ToString());
        }
    }

    /// <summary>Unique stems of <paramref name="text"/>, in first-seen order.</summary>
    public static List<string> UniqueStems(string text)
    {
        var stems = new List<string>();
        Analyze(text, stems);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        stems.RemoveAll(s => !seen.Add(s));
        return stems;
    }
}
