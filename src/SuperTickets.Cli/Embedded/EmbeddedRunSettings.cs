namespace SuperTickets.Cli.Embedded;

public sealed record EmbeddedRunSettings(string DataDirectory, string SamplesDirectory, string Urls, string[] Args);
