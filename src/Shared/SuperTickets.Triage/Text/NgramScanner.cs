namespace SuperTickets.Triage.Text;

/// <summary>
/// Enumerates lower-cased character 1-3-grams of letter runs, with a space marking word boundaries,
/// each packed into a 64-bit key (order in the top bits, up to three UTF-16 chars below).
/// </summary>
internal static class NgramScanner
{
    public static void Scan(ReadOnlySpan<char> text, Action<ulong, int> visit)
    {
        char a = ' ', b = ' ';
        var previousWasSpace = true;
        foreach (var raw in text)
        {
            var c = char.IsLetter(raw) ? char.ToLowerInvariant(raw) : ' ';
            if (c == ' ' && previousWasSpace) continue;
            if (c != ' ') visit(Key(c), 1);
            if (!(b == ' ' && c == ' ')) visit(Key(b, c), 2);
            if (b != ' ') visit(Key(a, b, c), 3);
            a = b;
            b = c;
            previousWasSpace = c == ' ';
        }
        if (!previousWasSpace)
        {
            visit(Key(b, ' '), 2);
            visit(Key(a, b, ' '), 3);
        }
    }

    public static int Order(ulong key) => (int)(key >> 48);

    private static ulong Key(char c) => (1UL << 48) | c;

    private static ulong Key(char b, char c) => (2UL << 48) | ((ulong)b << 16) | c;

    private static ulong Key(char a, char b, char c) => (3UL << 48) | ((ulong)a << 32) | ((ulong)b << 16) | c;
}
