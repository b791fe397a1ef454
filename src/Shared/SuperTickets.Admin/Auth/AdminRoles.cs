namespace SuperTickets.Admin.Auth;

/// <summary>
/// The three roles, each including the ones below it: a viewer reads, an agent also updates and answers
/// tickets, an admin may do everything. Role names double as authorization policy names.
/// </summary>
public static class AdminRoles
{
    public const string Viewer = "viewer";
    public const string Agent = "agent";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Viewer, Agent, Admin];

    public static bool IsValid(string? role) => role is Viewer or Agent or Admin;

    /// <summary>The role itself and every role it includes.</summary>
    public static IReadOnlyList<string> Granted(string role) => role switch
    {
        Admin => [Admin, Agent, Viewer],
        Agent => [Agent, Viewer],
        Viewer => [Viewer],
        _ => [],
    };
}
