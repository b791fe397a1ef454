using System.Collections.Frozen;

namespace SuperTickets.Knowledge.Text;

/// <summary>Function words of English, German and Spanish (folded: lowercase, no diacritics).</summary>
internal static class StopWords
{
    private static readonly FrozenSet<string> Words = FrozenSet.ToFrozenSet(
    [
        // English
        "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
        "because", "been", "before", "being", "both", "but", "by", "can", "could", "did", "do", "does",
        "doing", "dont", "during", "each", "else", "even", "for", "from", "further", "get", "got", "had",
        "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "im", "in",
        "into", "is", "it", "its", "ive", "just", "let", "me", "might", "mine", "more", "most", "much",
        "must", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or",
        "other", "our", "ours", "out", "over", "own", "please", "same", "she", "should", "so", "some",
        "still", "such", "than", "thank", "thanks", "that", "the", "their", "them", "then", "there",
        "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "us", "very",
        "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
        "with", "would", "yet", "you", "your", "yours", "hi", "hello", "dear", "regards", "cheers",
        // German
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "und", "oder",
        "aber", "ich", "du", "sie", "er", "es", "wir", "ihr", "mein", "meine", "meinen", "mir", "mich",
        "ist", "sind", "war", "habe", "hat", "haben", "nicht", "kein", "keine", "mit", "von", "zu", "zum",
        "zur", "auf", "fur", "bei", "wie", "was", "wenn", "dass", "kann", "ihre", "ihr", "bitte", "noch",
        "auch", "nur", "schon", "hallo", "danke", "im", "am", "an",
        // Spanish
        "el", "la", "los", "las", "un", "una", "unos", "unas", "y", "o", "de", "del", "al", "en", "con",
        "por", "para", "que", "se", "su", "sus", "mi", "mis", "yo", "tu", "es", "son", "fue", "lo", "le",
        "les", "como", "pero", "si", "ya", "muy", "hola", "gracias", "este", "esta", "esto",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool Contains(string word) => Words.Contains(word);

    public static bool Contains(ReadOnlySpan<char> word) => BySpan.Contains(word);
}
