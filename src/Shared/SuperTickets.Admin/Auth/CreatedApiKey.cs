namespace SuperTickets.Admin.Auth;

/// <summary>A new key: <see cref="Key"/> is shown this once and stored only as a hash.</summary>
public sealed record CreatedApiKey(string Id, string Name, string Role, string Key);
