using SuperTickets.Testing;

namespace SuperTickets.IntegrationTests;

/// <summary>samples/inbox/manifest.csv: what each sample email is and what should become of it.</summary>
public sealed record SampleManifest(string File, string Kind, string Category, string Language, string ThreadOf, string KbAnswerable)
{
    public static IReadOnlyList<SampleManifest> Load() =>
        System.IO.File.ReadAllLines(Path.Combine(RepoPaths.Samples, "inbox", "manifest.csv"))
            .Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split(','))
            .Select(c => new SampleManifest(c[0], c[1], c[2], c[3], c[4], c[5]))
            .ToList();
}
