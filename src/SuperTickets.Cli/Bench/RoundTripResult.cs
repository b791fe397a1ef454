namespace SuperTickets.Cli.Bench;

/// <summary>Messages sent through the Kafka transport and consumed back, with no database and no handler work: the ceiling.</summary>
public sealed record RoundTripResult(int Messages, double Seconds, double MessagesPerSecond, double P50Ms, double P95Ms, double P99Ms);
