namespace SuperTickets.Knowledge.Import;

/// <summary>Values read from a front-matter block, with the line each key was found on.</summary>
internal sealed class FrontMatter
{
    public Dictionary<string, (string Value, int Line)> Scalars { get; } = new(StringComparer.Ordinal);

    public (List<string> Items, int Line)? Tags { get; set; }

    /// <summary>Line of the closing <c>---</c>.</summary>
    public int EndLine { get; set; }

    /// <summary>0-based line index where the body starts.</summary>
    public int BodyStart { get; set; }
}
