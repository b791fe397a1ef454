namespace SuperTickets.Mail.Net;

/// <summary>A user name with either a password or an OAuth 2.0 access token (sent with SASL XOAUTH2).</summary>
public sealed record MailCredentials
{
    private MailCredentials(string username, string? password, string? accessToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        Username = username;
        Password = password;
        AccessToken = accessToken;
    }

    public string Username { get; }

    public string? Password { get; }

    public string? AccessToken { get; }

    public static MailCredentials WithPassword(string username, string password) =>
        new(username, password ?? throw new ArgumentNullException(nameof(password)), null);

    public static MailCredentials WithAccessToken(string username, string accessToken) =>
        new(username, null, string.IsNullOrEmpty(accessToken) ? throw new ArgumentException("The access token is empty.", nameof(accessToken)) : accessToken);

    public override string ToString() => $"{nameof(MailCredentials)} {{ Username = {Username}, Secret = *** }}";
}
