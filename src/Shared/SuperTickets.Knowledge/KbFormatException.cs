namespace SuperTickets.Knowledge;

/// <summary>An article source (Markdown file or CSV) is malformed. The message names the file and line.</summary>
public sealed class KbFormatException : FormatException
{
    public KbFormatException(string fileName, int lineNumber, string reason)
        : base($"{fileName}({lineNumber}): {reason}")
    {
        FileName = fileName;
        LineNumber = lineNumber;
        Reason = reason;
    }

    /// <summary>File (or source) name as given by the caller.</summary>
    public string FileName { get; }

    /// <summary>1-based line number where the problem was found.</summary>
    public int LineNumber { get; }

    /// <summary>What is wrong, without the location prefix.</summary>
    public string Reason { get; }
}
