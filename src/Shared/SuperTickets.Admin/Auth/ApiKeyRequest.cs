namespace SuperTickets.Admin.Auth;

public sealed record ApiKeyRequest(string? Role, string? Name = null);
