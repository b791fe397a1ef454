using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Flows;
using Google.Apis.Auth.OAuth2.Responses;
using Google.Apis.Json;

namespace SuperTickets.Pipeline.GoogleApi;

/// <summary>Builds the OAuth credential an account's settings describe.</summary>
public static class GoogleCredentials
{
    /// <summary>
    /// A service account, acting for <see cref="GoogleAccountOptions.User"/> when one is given (domain-wide delegation),
    /// or a user grant refreshed from its stored refresh token. Either way tokens come from the configured token endpoint.
    /// </summary>
    public static GoogleCredential Create(GoogleAccountOptions account, IReadOnlyCollection<string> defaultScopes)
    {
        var scopes = account.Scopes.Count > 0 ? account.Scopes : defaultScopes;
        if (account.UsesServiceAccount)
        {
            var json = string.IsNullOrEmpty(account.ServiceAccountJson) ? File.ReadAllText(account.ServiceAccountKeyFile!) : account.ServiceAccountJson;
            var key = NewtonsoftJsonSerializer.Instance.Deserialize<JsonCredentialParameters>(json);
            if (key.Type != JsonCredentialParameters.ServiceAccountCredentialType || string.IsNullOrEmpty(key.ClientEmail) || string.IsNullOrEmpty(key.PrivateKey))
            {
                throw new InvalidOperationException("The service-account key is not a service_account key with client_email and private_key.");
            }

            var tokenUrl = FirstSet(account.TokenUrl, key.TokenUri, GoogleAuthConsts.OidcTokenUrl);
            var initializer = new ServiceAccountCredential.Initializer(key.ClientEmail, tokenUrl)
            {
                User = account.User,
                Scopes = scopes,
                ProjectId = key.ProjectId,
                KeyId = key.PrivateKeyId,
            }.FromPrivateKey(key.PrivateKey);
            return GoogleCredential.FromServiceAccountCredential(new ServiceAccountCredential(initializer));
        }

        var flow = new AuthorizationCodeFlow(new AuthorizationCodeFlow.Initializer(GoogleAuthConsts.OidcAuthorizationUrl, FirstSet(account.TokenUrl, GoogleAuthConsts.OidcTokenUrl))
        {
            ClientSecrets = new ClientSecrets { ClientId = account.ClientId, ClientSecret = account.ClientSecret },
            Scopes = scopes,
        });
        return new UserCredential(flow, account.User ?? "me", new TokenResponse { RefreshToken = account.RefreshToken }).ToGoogleCredential();
    }

    private static string FirstSet(params string?[] values) => values.First(v => !string.IsNullOrEmpty(v))!;
}
