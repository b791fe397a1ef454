using Microsoft.AspNetCore.Http;

namespace SuperTickets.Admin.Audit;

/// <summary>Lets an endpoint add a short, non-personal detail (what changed) to its audit entry.</summary>
public static class AuditContext
{
    private const string DetailKey = "supertickets.audit.detail";

    public static void SetAuditDetail(this HttpContext context, string detail) => context.Items[DetailKey] = detail;

    internal static string? AuditDetail(this HttpContext context) => context.Items.TryGetValue(DetailKey, out var value) ? value as string : null;
}
