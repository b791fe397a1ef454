namespace SuperTickets.Triage.Tests;

/// <summary>Locates the third-party test data folder beside the repository root.</summary>
internal static class SharedData
{
    public static string Root { get; } = Locate();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "SuperTickets.sln")))
            directory = directory.Parent;
        if (directory is null) throw new InvalidOperationException("SuperTickets.sln not found above the test binaries.");
        return System.IO.Path.GetFullPath(System.IO.Path.Combine(directory.FullName, "..", "shared", "data"));
    }
}
