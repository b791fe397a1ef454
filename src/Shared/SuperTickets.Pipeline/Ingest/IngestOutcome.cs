namespace SuperTickets.Pipeline.Ingest;

public enum IngestOutcome
{
    Stored,
    Duplicate,
    Quarantined,
}
