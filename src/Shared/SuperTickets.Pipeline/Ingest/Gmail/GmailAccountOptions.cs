namespace SuperTickets.Pipeline.Ingest.Gmail;

/// <summary>
/// How to reach one Gmail account over the REST API. Authenticate either as a service account with domain-wide
/// delegation acting for <see cref="User"/> (<see cref="ServiceAccountJson"/> or <see cref="ServiceAccountKeyFile"/>),
/// or with a stored user grant (<see cref="ClientId"/>, <see cref="ClientSecret"/>, <see cref="RefreshToken"/>).
/// </summary>
public class GmailAccountOptions
{
    /// <summary>The mailbox address; the service account acts for it. Requests use the <c>me</c> user id.</summary>
    public string? User { get; set; }

    /// <summary>The service-account key as JSON (as downloaded from the cloud console).</summary>
    public string? ServiceAccountJson { get; set; }

    /// <summary>Path of the service-account key JSON file, instead of <see cref="ServiceAccountJson"/>.</summary>
    public string? ServiceAccountKeyFile { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? RefreshToken { get; set; }

    /// <summary>The Gmail API root.</summary>
    public string BaseUrl { get; set; } = "https://gmail.googleapis.com/";

    /// <summary>The OAuth 2.0 token endpoint; empty means the key file's <c>token_uri</c> or Google's default.</summary>
    public string? TokenUrl { get; set; }

    /// <summary>OAuth scopes to request; empty means the defaults of the component (read-only for ingestion).</summary>
    public List<string> Scopes { get; set; } = [];

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>True when a service-account key is configured.</summary>
    public bool UsesServiceAccount => !string.IsNullOrEmpty(ServiceAccountJson) || !string.IsNullOrEmpty(ServiceAccountKeyFile);

    /// <summary>True when a stored user grant is configured.</summary>
    public bool UsesUserGrant => !string.IsNullOrEmpty(RefreshToken);
}
