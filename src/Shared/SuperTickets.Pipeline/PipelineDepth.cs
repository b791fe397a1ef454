namespace SuperTickets.Pipeline;

/// <summary>
/// How far along the pipeline each stage is, as its priority at the <see cref="Messaging.PreparationGate"/>: a later
/// stage prepares first, so emails already taken in are answered before more are taken in.
/// </summary>
internal static class PipelineDepth
{
    public const int Ingest = 0;
    public const int Triage = 1;
    public const int Resolve = 2;
    public const int Respond = 3;
}
