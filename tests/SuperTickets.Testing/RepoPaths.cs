namespace SuperTickets.Testing;

/// <summary>Locates the repository root (where SuperTickets.sln is) and the shared data beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    public static string Samples => Path.Combine(Root, "samples");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SuperTickets.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("SuperTickets.sln not found above " + AppContext.BaseDirectory);
    }
}
