namespace SuperTickets.Triage.Classification;

/// <summary>A model file is corrupt, truncated, of another format version, or not a model file at all.</summary>
public sealed class ModelFormatException : Exception
{
    public ModelFormatException(string message) : base(message) { }

    public ModelFormatException(string message, Exception inner) : base(message, inner) { }
}
