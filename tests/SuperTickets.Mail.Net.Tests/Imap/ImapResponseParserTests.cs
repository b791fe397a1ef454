using System.Text;
using FsCheck;
using FsCheck.Fluent;
using SuperTickets.Mail.Net.Imap;

namespace SuperTickets.Mail.Net.Tests.Imap;

public sealed class ImapResponseParserTests
{
    private static ImapResponse Parse(params (string Line, string? Literal)[] segments) =>
        ImapResponseParser.Parse([.. segments.Select(s => new ImapSegment(Encoding.UTF8.GetBytes(s.Line), s.Literal is null ? null : Encoding.UTF8.GetBytes(s.Literal)))]);

    [Fact]
    public void A_fetch_response_with_a_literal_body_yields_uid_flags_and_exact_octets()
    {
        var response = Parse(("* 12 FETCH (UID 345 FLAGS (\\Seen $Junk) BODY[] {13}", "Hi\r\n) {3}\r\n\"x"), (")", null));

        Assert.True(ImapFetchParser.TryParse(response, out var message));
        Assert.Equal(345u, message.Uid);
        Assert.Equal([@"\Seen", "$Junk"], message.Flags);
        Assert.Equal("Hi\r\n) {3}\r\n\"x", Encoding.UTF8.GetString(message.Content));
    }

    [Fact]
    public void Bracketed_sections_with_spaces_stay_in_one_atom_and_nil_is_recognized()
    {
        var response = Parse(("* 1 FETCH (BODY[HEADER.FIELDS (FROM TO)]<0> NIL ENVELOPE (\"a \\\"b\\\" \\\\c\" NIL))", null));

        var items = Assert.IsType<ImapList>(response.Data[2]).Items;
        Assert.Equal("BODY[HEADER.FIELDS (FROM TO)]<0>", Assert.IsType<ImapAtom>(items[0]).Value);
        Assert.Same(ImapNil.Instance, items[1]);
        var envelope = Assert.IsType<ImapList>(items[3]).Items;
        Assert.Equal("a \"b\" \\c", Assert.IsType<ImapString>(envelope[0]).Text);
        Assert.Same(ImapNil.Instance, envelope[1]);
    }

    [Fact]
    public void Status_responses_split_into_status_code_and_text_even_with_odd_characters()
    {
        var tagged = Parse(("A0007 NO [AUTHENTICATIONFAILED] Authentication failed (try again) {5}", null));
        var untagged = Parse(("* OK [UIDVALIDITY 1795319084] UIDs valid", null));

        Assert.Equal(ImapResponseKind.Tagged, tagged.Kind);
        Assert.Equal("NO", tagged.Status);
        Assert.Equal("AUTHENTICATIONFAILED", tagged.CodeName);
        Assert.Equal("Authentication failed (try again) {5}", tagged.Text);
        Assert.Equal("UIDVALIDITY", untagged.CodeName);
        Assert.Equal("1795319084", untagged.CodeArgument);
    }

    [Fact]
    public void Continuations_and_data_keywords_are_told_apart()
    {
        Assert.Equal(ImapResponseKind.Continuation, Parse(("+ idling", null)).Kind);
        Assert.Equal("EXISTS", Parse(("* 23 EXISTS", null)).DataKeyword);
        Assert.Equal(23u, Parse(("* 23 EXISTS", null)).DataNumber);
        Assert.Equal("SEARCH", Parse(("* SEARCH 2 84 882", null)).DataKeyword);
    }

    [Theory]
    [InlineData("* 1 FETCH (UID 1")]
    [InlineData("* 1 FETCH (UID 1))")]
    [InlineData("* 1 FETCH (BODY[] \"unterminated)")]
    [InlineData("A1")]
    public void Malformed_responses_raise_an_imap_exception(string line)
    {
        Assert.Throws<ImapException>(() => Parse((line, null)));
    }

    [Theory]
    [InlineData("* 1 FETCH (BODY[] {42}", true, 42)]
    [InlineData("* 1 FETCH (BODY[] {42+}", true, 42)]
    [InlineData("* 1 FETCH (BODY[] {}", false, 0)]
    [InlineData("* 1 FETCH (BODY[] {4x2}", false, 0)]
    [InlineData("* OK done", false, 0)]
    public void Literal_markers_are_only_recognized_at_the_end_of_a_line(string line, bool expected, long length)
    {
        Assert.Equal(expected, ImapResponseParser.TryGetLiteralLength(Encoding.ASCII.GetBytes(line), out var parsed));
        Assert.Equal(length, parsed);
    }

    [Fact]
    public void Any_octets_survive_as_a_literal_and_any_printable_text_as_a_quoted_string()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), ArbMap.Default.ArbFor<string>(), (octets, text) =>
        {
            var printable = new string((text ?? string.Empty).Where(c => c is >= ' ' and <= '~').ToArray());
            var quoted = "\"" + printable.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
            var line = Encoding.ASCII.GetBytes($"* 1 FETCH (X {quoted} BODY[] {{{octets.Length}}}");
            var response = ImapResponseParser.Parse([new ImapSegment(line, octets), new ImapSegment(")"u8.ToArray(), null)]);
            var items = ((ImapList)response.Data[2]).Items;
            return ((ImapString)items[1]).Text == printable && ((ImapString)items[3]).Bytes.AsSpan().SequenceEqual(octets);
        }).QuickCheckThrowOnFailure();
    }
}
