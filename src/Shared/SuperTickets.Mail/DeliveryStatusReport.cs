namespace SuperTickets.Mail;

/// <summary>A parsed delivery status notification (multipart/report; report-type=delivery-status).</summary>
public sealed record DeliveryStatusReport(string? ReportingMta, IReadOnlyList<DeliveryStatusRecipient> Recipients)
{
    /// <summary>True when any recipient failed (Action "failed" or a 5.x.x status).</summary>
    public bool IsFailure => Recipients.Any(r =>
        string.Equals(r.Action, "failed", StringComparison.OrdinalIgnoreCase) || (r.Status?.StartsWith('5') ?? false));
}
