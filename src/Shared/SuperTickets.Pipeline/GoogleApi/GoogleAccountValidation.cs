namespace SuperTickets.Pipeline.GoogleApi;

/// <summary>Checks the account settings every Google API connector shares; messages name the key under <c>prefix</c>.</summary>
internal static class GoogleAccountValidation
{
    /// <summary>Errors in <paramref name="account"/>; <paramref name="requireUser"/> when the API acts for one mailbox.</summary>
    public static IEnumerable<string> Check(GoogleAccountOptions account, string prefix, bool requireUser)
    {
        if (requireUser && string.IsNullOrWhiteSpace(account.User))
        {
            yield return $"{prefix}:User is required.";
        }

        if (account.UsesServiceAccount == account.UsesUserGrant)
        {
            yield return $"{prefix}: give exactly one of ServiceAccountJson/ServiceAccountKeyFile and RefreshToken.";
        }

        if (!string.IsNullOrEmpty(account.ServiceAccountJson) && !string.IsNullOrEmpty(account.ServiceAccountKeyFile))
        {
            yield return $"{prefix}: give ServiceAccountJson or ServiceAccountKeyFile, not both.";
        }

        if (account.UsesUserGrant && (string.IsNullOrWhiteSpace(account.ClientId) || string.IsNullOrWhiteSpace(account.ClientSecret)))
        {
            yield return $"{prefix}: RefreshToken needs ClientId and ClientSecret.";
        }

        if (!Uri.TryCreate(account.BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            yield return $"{prefix}:BaseUrl must be an absolute http(s) URL.";
        }

        if (!string.IsNullOrEmpty(account.TokenUrl) && !Uri.TryCreate(account.TokenUrl, UriKind.Absolute, out _))
        {
            yield return $"{prefix}:TokenUrl must be an absolute URL.";
        }

        if (account.Timeout <= TimeSpan.Zero)
        {
            yield return $"{prefix}:Timeout must be positive.";
        }
    }
}
