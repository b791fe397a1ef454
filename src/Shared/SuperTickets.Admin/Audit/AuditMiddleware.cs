using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SuperTickets.Admin.Auth;
using SuperTickets.Data.Admin;

namespace SuperTickets.Admin.Audit;

/// <summary>
/// Writes one audit_log row per call of an <see cref="AuditedAttribute"/> endpoint just before its response starts,
/// so the outcome is known and the entry is durable by the time the caller sees the answer.
/// </summary>
internal sealed partial class AuditMiddleware(RequestDelegate next, AuditLogStore store, TimeProvider clock, ILogger<AuditMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var audited = context.GetEndpoint()?.Metadata.GetMetadata<AuditedAttribute>();
        if (audited is null)
        {
            await next(context);
            return;
        }
        context.Response.OnStarting(() => WriteAsync(context, audited, context.Response.StatusCode));
        await next(context);
    }

    private async Task WriteAsync(HttpContext context, AuditedAttribute audited, int status)
    {
        var id = context.Request.RouteValues.TryGetValue("id", out var value) ? value?.ToString() : null;
        var entry = new AuditRecord
        {
            OccurredAt = clock.GetUtcNow(),
            Actor = context.User.Actor(),
            Role = context.User.KeyRole(),
            Action = audited.Action,
            Target = id is null ? audited.TargetKind : $"{audited.TargetKind}:{id}",
            Outcome = Outcome(status),
            StatusCode = status,
            Detail = context.AuditDetail(),
        };
        try
        {
            await store.AddAsync(entry, CancellationToken.None);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            LogAuditFailed(logger, audited.Action, status, ex);
        }
    }

    private static string Outcome(int status) => status switch
    {
        < 400 => "succeeded",
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not_found",
        429 => "rate_limited",
        < 500 => "rejected",
        _ => "failed",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the audit entry for {Action} (status {Status})")]
    private static partial void LogAuditFailed(ILogger logger, string action, int status, Exception exception);
}
