namespace SuperTickets.Cli.Bench;

/// <summary>The pipeline over Kafka and PostgreSQL, and the bare transport round trip through the same brokers.</summary>
public sealed record KafkaBenchResult(BenchResult Pipeline, RoundTripResult RoundTrip, int Brokers);
