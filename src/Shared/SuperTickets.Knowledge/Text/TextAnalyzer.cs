using System.Globalization;
using System.Text;

namespace SuperTickets.Knowledge.Text;

/// <summary>
/// Shared analysis for the text index and the hashed embedder: lowercase, diacritics removed, tokens are
/// runs of Unicode letters or digits, stop words dropped, light stemming.
/// </summary>
internal static class TextAnalyzer
{
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
        var folded = Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inToken = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inToken)
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start >= 0)
            {
                AddToken(folded, start, i - start, stems, words);
                start = -1;
            }
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

    private static void AddToken(string folded, int start, int length, List<string> stems, List<string>? words)
    {
        if (length < 2 && !char.IsDigit(folded[start]))
        {
            return;
        }

        var word = folded.Substring(start, length);
        if (StopWords.Contains(word))
        {
            return;
        }

        stems.Add(LightStemmer.Stem(word));
        words?.Add(word);
    }
}
