namespace SuperTickets.Pipeline.GoogleApi;

/// <summary>
/// How to reach a Google REST API as one account. Authenticate either as a service account
/// (<see cref="ServiceAccountJson"/> or <see cref="ServiceAccountKeyFile"/>), optionally acting for <see cref="User"/>
/// through domain-wide delegation, or with a stored user grant (<see cref="ClientId"/>, <see cref="ClientSecret"/>,
/// <see cref="RefreshToken"/>). Secrets come from configuration (environment, secret store), never from the repository.
/// </summary>
public abstract class GoogleAccountOptions
{
    protected GoogleAccountOptions(string baseUrl) => BaseUrl = baseUrl;

    /// <summary>The account a service account acts for (domain-wide delegation).</summary>
    public string? User { get; set; }

    /// <summary>The service-account key as JSON (as downloaded from the cloud console).</summary>
    public string? ServiceAccountJson { get; set; }

    /// <summary>Path of the service-account key JSON file, instead of <see cref="ServiceAccountJson"/>.</summary>
    public string? ServiceAccountKeyFile { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? RefreshToken { get; set; }

    /// <summary>The API root; requests go to paths below it.</summary>
    public string BaseUrl { get; set; }

    /// <summary>The OAuth 2.0 token endpoint; empty means the key file's <c>token_uri</c> or Google's default.</summary>
    public string? TokenUrl { get; set; }

    /// <summary>OAuth scopes to request; empty means the defaults of the component using the account.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>Longest wait for one HTTP request.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>True when a service-account key is configured.</summary>
    public bool UsesServiceAccount => !string.IsNullOrEmpty(ServiceAccountJson) || !string.IsNullOrEmpty(ServiceAccountKeyFile);

    /// <summary>True when a stored user grant is configured.</summary>
    public bool UsesUserGrant => !string.IsNullOrEmpty(RefreshToken);
}
