using SuperTickets.Data;
using SuperTickets.Messaging;

namespace SuperTickets.Pipeline.Sla;

/// <summary>The transaction a sweep batch runs in, and what the escalations of that sweep share.</summary>
internal sealed record SlaEscalationContext(
    DbSession Session,
    IMessageUnitOfWork UnitOfWork,
    MessageSerializer Serializer,
    long? LeadAgentId,
    DateTimeOffset Now);
