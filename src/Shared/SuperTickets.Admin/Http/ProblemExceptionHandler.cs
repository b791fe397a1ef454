using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace SuperTickets.Admin.Http;

/// <summary>
/// Turns exceptions into problem responses: unreadable requests (malformed JSON, unbindable parameters) keep
/// their 4xx status with the reason and, for JSON, the offending path as a field error; anything else is a 500
/// without internals.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails details;
        if (exception is BadHttpRequestException bad)
        {
            var errors = FindJsonError(bad) is { } json
                ? new Dictionary<string, string[]> { [string.IsNullOrEmpty(json.Path) ? "$" : json.Path] = [JsonMessage(json)] }
                : null;
            details = errors is null
                ? new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message }
                : new HttpValidationProblemDetails(errors) { Status = bad.StatusCode, Title = "The request body is not valid JSON for this endpoint", Detail = bad.Message };
        }
        else
        {
            LogUnhandled(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
            details = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "Unexpected error", Detail = "The request failed; the server log has the details." };
        }
        httpContext.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    private static JsonException? FindJsonError(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                return json;
            }
        }
        return null;
    }

    private static string JsonMessage(JsonException json) =>
        json.Message.Split(" Path:", 2)[0].Trim();

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, string method, string path, Exception exception);
}
