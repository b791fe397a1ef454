namespace SuperTickets.Admin.Audit;

/// <summary>
/// Endpoint metadata: every call of the endpoint is written to the audit log as <see cref="Action"/> on
/// <c>&lt;TargetKind&gt;:&lt;id route value&gt;</c>, whatever its outcome (including 401, 403, 429 and errors).
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class AuditedAttribute(string action, string targetKind) : Attribute
{
    public string Action { get; } = action;
    public string TargetKind { get; } = targetKind;
}
