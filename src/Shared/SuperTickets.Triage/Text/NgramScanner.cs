namespace SuperTickets.Triage.Text;

/// <summary>
/// Enumerates lower-cased character 1-3-grams of letter runs, with a space marking word boundaries,
/// each packed into a 64-bit key (order in the top bits, up to three UTF-16 chars below).
/// </summary>
internal static class NgramScanner
{
    /// <summary>Receives each n-gram key with its order (1 to 3). A struct, so that the per-character calls inline.</summary>
    public interface IVisitor
    {
        void Visit(ulong key, int order);
    }

    public static void Scan<TVisitor>(ReadOnlySpan<char> text, ref TVisitor visitor) where TVisitor : struct, IVisitor
    {
        char a = ' ', b = ' ';
        var previousWasSpace = true;
        foreach (var raw in text)
        {
            var c = char.IsLetter(raw) ? char.ToLowerInvariant(raw) : ' ';
            if (c == ' ' && previousWasSpace) continue;
            if (c != ' ') visitor.Visit(Key(c), 1);
            if (!(b == ' ' && c == ' ')) visitor.Visit(Key(b, c), 2);
            if (b != ' ') visitor.Visit(Key(a, b, c), 3);
            a = b;
            b = c;
            previousWasSpace = c == ' ';
        }
        if (!previousWasSpace)
        {
            visitor.Visit(Key(b, ' '), 2);
            visitor.Visit(Key(a, b, ' '), 3);
        }
    }

    public static int Order(ulong key) => (int)(key >> 48);

    private static ulong Key(char c) => (1UL << 48) | c;

    private static ulong Key(char b, char c) => (2UL << 48) | ((ulong)b << 16) | c;

    private static ulong Key(char a, char b, char c) => (3UL << 48) | ((ulong)a << 32) | ((ulong)b << 16) | c;
}
