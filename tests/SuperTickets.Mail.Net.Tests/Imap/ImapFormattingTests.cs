using FsCheck;
using FsCheck.Fluent;
using SuperTickets.Mail.Net.Imap;

namespace SuperTickets.Mail.Net.Tests.Imap;

public sealed class ImapFormattingTests
{
    [Theory]
    [InlineData("Entwürfe", "Entw&APw-rfe")]
    [InlineData("R&D", "R&-D")]
    [InlineData("日本語", "&ZeVnLIqe-")]
    [InlineData("INBOX", "INBOX")]
    public void Mailbox_names_use_modified_utf7(string name, string encoded)
    {
        Assert.Equal(encoded, ImapMailboxName.Encode(name));
        Assert.Equal(name, ImapMailboxName.Decode(encoded));
    }

    [Fact]
    public void Mailbox_name_encoding_round_trips_any_text()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<NonNull<string>>(), name =>
        {
            var text = new string(name.Get.Where(c => !char.IsSurrogate(c) && c != '\0').ToArray());
            var encoded = ImapMailboxName.Encode(text);
            return encoded.All(c => c is >= ' ' and <= '~') && ImapMailboxName.Decode(encoded) == text;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Uid_sets_compress_runs_and_cover_exactly_the_given_uids()
    {
        Assert.Equal("1:4,7,9:10", ImapUidSet.Format([10, 3, 1, 2, 4, 7, 9, 3]));
        Prop.ForAll(ArbMap.Default.ArbFor<uint[]>(), uids =>
        {
            var expanded = ImapUidSet.Format(uids).Split(',', StringSplitOptions.RemoveEmptyEntries).SelectMany(part =>
            {
                var bounds = part.Split(':').Select(uint.Parse).ToArray();
                return Enumerable.Range(0, (int)(bounds[^1] - bounds[0] + 1)).Select(i => bounds[0] + (uint)i);
            });
            return expanded.SequenceEqual(uids.Where(u => u > 0).Distinct().Order());
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("1795319084:300", true, 1795319084u, 300u)]
    [InlineData("7:0", true, 7u, 0u)]
    [InlineData("0:5", false, 0u, 0u)]
    [InlineData("12", false, 0u, 0u)]
    [InlineData("a:b", false, 0u, 0u)]
    [InlineData("-1:5", false, 0u, 0u)]
    public void Checkpoints_parse_uidvalidity_and_last_uid(string text, bool valid, uint validity, uint last)
    {
        Assert.Equal(valid, ImapCheckpoint.TryParse(text, out var checkpoint));
        Assert.Equal(new ImapCheckpoint(validity, last), checkpoint);
        if (valid)
        {
            Assert.Equal(text, checkpoint.ToString());
        }
    }
}
