using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Google.Apis.Http;

namespace SuperTickets.Pipeline.GoogleApi;

/// <summary>The HTTP plumbing every Google REST client shares: an authorized client and the documented error body.</summary>
public static class GoogleApiHttp
{
    /// <summary>camelCase JSON without null members, as the Google REST APIs read and write it.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// An HTTP client for the account's API root, authorized by the account's credential, which also refreshes an access
    /// token the API rejects with 401 and retries the request once.
    /// </summary>
    public static ConfigurableHttpClient CreateClient(GoogleAccountOptions account, IReadOnlyCollection<string> defaultScopes)
    {
        var args = new CreateHttpClientArgs { ApplicationName = "SuperTickets", GZipEnabled = true };
        args.Initializers.Add(GoogleCredentials.Create(account, defaultScopes));
        var http = new HttpClientFactory().CreateHttpClient(args);
        http.BaseAddress = new Uri(account.BaseUrl.EndsWith('/') ? account.BaseUrl : account.BaseUrl + "/");
        http.Timeout = account.Timeout;
        return http;
    }

    /// <summary>The error of a failed response: <c>{"error": {code, message, status, errors: [{domain, reason}]}}</c>, as far as it is there.</summary>
    public static async Task<GoogleApiError> ReadErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        ErrorBodyJson? body = null;
        try
        {
            body = (await response.Content.ReadFromJsonAsync<ErrorJson>(Json, ct))?.Error;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            body = null;
        }

        var reasons = (body?.Errors ?? []).Select(e => e.Reason).OfType<string>().ToList();
        return new GoogleApiError(response.StatusCode, response.ReasonPhrase, body?.Status, body?.Message, reasons);
    }

    private sealed record ErrorJson(ErrorBodyJson? Error);

    private sealed record ErrorBodyJson(int Code, string? Message, string? Status, List<ErrorItemJson>? Errors);

    private sealed record ErrorItemJson(string? Domain, string? Reason, string? Message);
}
