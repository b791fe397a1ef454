namespace SuperTickets.Knowledge.Tests;

internal sealed record LabelledEmail(string Subject, string Body, string Language, string? Expected)
{
    /// <summary>The query exactly as the resolve stage builds it.</summary>
    public string Query => $"{Subject}\n{Body}";
}
