namespace SuperTickets.Triage.Data;

/// <summary>A data file cannot be read as labelled texts (missing column, malformed JSON, unknown split...).</summary>
public sealed class DatasetFormatException : Exception
{
    public DatasetFormatException(string message) : base(message) { }

    public DatasetFormatException(string message, Exception inner) : base(message, inner) { }
}
