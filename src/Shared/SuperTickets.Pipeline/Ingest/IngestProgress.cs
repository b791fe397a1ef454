namespace SuperTickets.Pipeline.Ingest;

/// <summary>What ingestion has done so far in this process (for the run summary and idle detection).</summary>
public sealed class IngestProgress
{
    private readonly TaskCompletionSource _firstPass = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _stored;
    private long _duplicates;
    private long _quarantined;

    public Task FirstPassDone => _firstPass.Task;
    public long Stored => Interlocked.Read(ref _stored);
    public long Duplicates => Interlocked.Read(ref _duplicates);
    public long Quarantined => Interlocked.Read(ref _quarantined);

    public void MarkFirstPassDone() => _firstPass.TrySetResult();

    public void Record(IngestOutcome outcome)
    {
        switch (outcome)
        {
            case IngestOutcome.Stored:
                Interlocked.Increment(ref _stored);
                break;
            case IngestOutcome.Duplicate:
                Interlocked.Increment(ref _duplicates);
                break;
            default:
                Interlocked.Increment(ref _quarantined);
                break;
        }
    }
}
