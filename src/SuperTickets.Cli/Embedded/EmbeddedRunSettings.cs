namespace SuperTickets.Cli.Embedded;

/// <summary>Where the embedded run keeps its data, finds its samples and serves the admin API; <see cref="Overrides"/> win over every other setting.</summary>
public sealed record EmbeddedRunSettings(string DataDirectory, string SamplesDirectory, string Urls, string[] Args)
{
    public IReadOnlyDictionary<string, string?>? Overrides { get; init; }
}
