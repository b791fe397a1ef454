namespace SuperTickets.Mail.Tests;

/// <summary>Locates the shared MIME corpus (outside the repository) and the test project's own data files.</summary>
internal static class TestData
{
    private static readonly Lazy<string> Root = new(FindRepoRoot);

    public static string MimeDirectory => Path.GetFullPath(Path.Combine(Root.Value, "..", "shared", "data", "mime"));

    public static string OwnDataDirectory => Path.Combine(Root.Value, "tests", "SuperTickets.Mail.Tests", "Data");

    public static string Mime(string relative) => Path.Combine(MimeDirectory, relative);

    public static ParsedEmail Parse(string relative) => MimeParser.Parse(File.ReadAllBytes(Mime(relative)));

    public static ParsedEmail ParseText(string text) => MimeParser.Parse(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Every message file of the corpus, relative to the mime folder (mbox files excluded).</summary>
    public static IEnumerable<string> MessageFiles() =>
        new[] { "messages", "partial", "compliance", "large" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(MimeDirectory, d)))
            .Where(f => !Path.GetFileName(f).StartsWith("LICENSE", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(MimeDirectory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    /// <summary>Splits an mbox file into messages on lines that start with "From ".</summary>
    public static List<byte[]> SplitMbox(byte[] mbox)
    {
        var messages = new List<byte[]>();
        var start = 0;
        for (var i = 0; i <= mbox.Length; i++)
        {
            var atFrom = i < mbox.Length && (i == 0 || mbox[i - 1] == '\n') && mbox.AsSpan(i).StartsWith("From "u8);
            if ((atFrom && i > start) || i == mbox.Length)
            {
                if (i > start)
                {
                    messages.Add(mbox[start..i]);
                }

                start = i;
            }
        }

        return messages;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SuperTickets.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("SuperTickets.sln not found above " + AppContext.BaseDirectory);
    }
}
