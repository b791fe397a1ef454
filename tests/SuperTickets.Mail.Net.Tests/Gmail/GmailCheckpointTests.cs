using FsCheck;
using FsCheck.Fluent;
using SuperTickets.Pipeline.Ingest.Gmail;

namespace SuperTickets.Mail.Net.Tests.Gmail;

public sealed class GmailCheckpointTests
{
    [Fact]
    public void Every_history_id_survives_a_round_trip_through_the_checkpoint()
    {
        Prop.ForAll<ulong>(id =>
        {
            var text = id.ToString();
            return GmailCheckpoint.TryParse(GmailCheckpoint.Format(text), out var parsed) && parsed == text;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1234:56")]
    [InlineData("history:")]
    [InlineData("history:12a")]
    [InlineData("HISTORY:12")]
    [InlineData("history: 12")]
    [InlineData("history:-0")]
    public void Checkpoints_of_other_sources_are_not_taken_for_history_ids(string? checkpoint)
    {
        Assert.False(GmailCheckpoint.TryParse(checkpoint, out _));
    }
}
