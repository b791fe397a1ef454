namespace SuperTickets.Admin.Auth;

public sealed record ApiKeyView(string Id, string Name, string Role, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
