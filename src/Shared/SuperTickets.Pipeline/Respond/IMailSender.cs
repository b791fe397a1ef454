using SuperTickets.Data;

namespace SuperTickets.Pipeline.Respond;

/// <summary>Delivers a composed email. Must be idempotent per <see cref="OutboundEmailRecord.IdempotencyKey"/>.</summary>
public interface IMailSender
{
    string Name { get; }

    /// <summary>True when sending is local work (a file written here), false when a remote server is asked.</summary>
    bool IsLocal => false;

    /// <summary>Sends the email; returns false when it had already been sent under the same key.</summary>
    Task<bool> SendAsync(OutboundEmailRecord email, CancellationToken ct);
}
