using SuperTickets.Data;

namespace SuperTickets.Pipeline.Respond;

/// <summary>Delivers a composed email. Must be idempotent per <see cref="OutboundEmailRecord.IdempotencyKey"/>.</summary>
public interface IMailSender
{
    string Name { get; }

    /// <summary>Sends the email; returns false when it had already been sent under the same key.</summary>
    Task<bool> SendAsync(OutboundEmailRecord email, CancellationToken ct);
}
