using System.Text;

namespace SuperTickets.Mail.Tests;

public sealed class HeaderTests
{
    private static ParsedEmail Headers(string headers) => TestData.ParseText(headers + "\r\n\r\nbody\r\n");

    [Fact]
    public void Folded_headers_are_unfolded()
    {
        var email = Headers("Subject: a long\r\n  folded\r\n\tsubject");

        Assert.Equal("a long  folded\tsubject", email.Subject);
    }

    [Fact]
    public void Adjacent_encoded_words_join_multibyte_sequences_split_between_them()
    {
        var bytes = Encoding.UTF8.GetBytes("Grüße");
        var first = Convert.ToBase64String(bytes[..3]);
        var second = Convert.ToBase64String(bytes[3..]);
        var email = Headers($"Subject: =?UTF-8?B?{first}?=\r\n =?UTF-8?B?{second}?= zusammen");

        Assert.Equal("Grüße zusammen", email.Subject);
    }

    [Fact]
    public void Encoded_words_without_surrounding_spaces_are_decoded()
    {
        var email = Headers("Subject: Re:=?iso-8859-1?Q?Caf=E9?=ok");

        Assert.Equal("Re:Caféok", email.Subject);
    }

    [Fact]
    public void Encoded_words_inside_quoted_display_names_are_decoded()
    {
        var email = Headers("From: \"=?utf-8?Q?J=C3=BCrgen_M=C3=BCller?=\" <jm@example.de>");

        Assert.Equal(new MailAddress("Jürgen Müller", "jm@example.de"), email.From);
    }

    [Fact]
    public void Iso_2022_jp_subject_is_decoded()
    {
        var email = TestData.Parse("messages/japanese.txt");

        Assert.Equal("日本語メールテスト (testing Japanese emails)", email.Subject);
        Assert.Contains("日本語が", email.TextBody);
    }

    [Fact]
    public void Shift_jis_body_is_decoded()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var body = Encoding.GetEncoding("shift_jis").GetBytes("こんにちは");
        var head = Encoding.ASCII.GetBytes("From: a@example.jp\r\nContent-Type: text/plain; charset=Shift_JIS\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
        var email = MimeParser.Parse(head.Concat(body).ToArray());

        Assert.Equal("こんにちは", email.TextBody);
    }

    [Fact]
    public void Rfc2231_continuations_and_charsets_build_the_file_name()
    {
        var email = TestData.ParseText(
            "From: a@example.com\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b\r\n" +
            "Content-Type: application/pdf\r\nContent-Disposition: attachment;\r\n filename*0*=utf-8''Rechnung%20M%C3;\r\n filename*1*=%A4rz.pdf\r\n\r\nx\r\n--b--\r\n");

        Assert.Equal("Rechnung März.pdf", email.Attachments.Single().FileName);
    }

    [Fact]
    public void Address_lists_handle_groups_comments_and_quoted_commas()
    {
        var email = Headers("To: \"Doe, Jane\" <jane@example.com>, team: a@example.com, b@example.com;, c@example.com (Carl)\r\nCc: undisclosed-recipients:;");

        Assert.Equal(["jane@example.com", "a@example.com", "b@example.com", "c@example.com"], email.To.Select(a => a.Address));
        Assert.Equal("Doe, Jane", email.To[0].Name);
        Assert.Equal("Carl", email.To[3].Name);
        Assert.Empty(email.Cc);
    }

    [Theory]
    [InlineData("Mon, 29 Jul 1996 02:26:08 -0700 (PDT)", "1996-07-29T02:26:08-07:00")]
    [InlineData("29 Jul 96 02:26 PDT", "1996-07-29T02:26:00-07:00")]
    [InlineData("Sat, 2 Jan 2016 17:42:00 GMT", "2016-01-02T17:42:00+00:00")]
    [InlineData("Thu,  8 Mar 2005 17:40:36 +0100", "2005-03-08T17:40:36+01:00")]
    public void Dates_in_current_and_obsolete_forms_parse(string header, string expected)
    {
        var email = Headers("Date: " + header);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), email.Date);
    }

    [Fact]
    public void Duplicate_headers_are_all_available_and_lookup_ignores_case()
    {
        var email = Headers("Received: one\r\nreceived: two\r\nX-Custom: =?utf-8?Q?caf=C3=A9?=");

        Assert.Equal(["one", "two"], email.Headers("RECEIVED"));
        Assert.Equal("one", email.Header("Received"));
        Assert.Equal("café", email.Header("x-custom"));
        Assert.Null(email.Header("X-Missing"));
    }

    [Fact]
    public void Message_ids_and_references_lose_their_angle_brackets()
    {
        var email = Headers("Message-ID: <abc@example.com>\r\nIn-Reply-To: <prev@example.com> (comment)\r\nReferences: <r1@example.com>\r\n <r2@example.com>");

        Assert.Equal("abc@example.com", email.MessageId);
        Assert.Equal("prev@example.com", email.InReplyTo);
        Assert.Equal(["r1@example.com", "r2@example.com"], email.References);
    }

    [Fact]
    public void Nul_bytes_in_headers_are_dropped()
    {
        var email = TestData.Parse("compliance/unexpected-null-bytes-in-headers.eml");

        Assert.Equal("This value contains a  byte", email.Header("X-Null-Bytes"));
    }

    [Fact]
    public void Raw_8bit_headers_are_read_as_utf8_or_the_declared_charset()
    {
        Assert.Equal("Откуда он появился?", TestData.Parse("compliance/raw-utf8-header.eml").Subject);
        Assert.Equal("Откуда он появился?", TestData.Parse("compliance/raw-koi8r-header.eml").Subject);
    }

    [Fact]
    public void Usable_sender_requires_a_local_part_and_a_domain()
    {
        Assert.True(Headers("From: Ann <ann@example.com>").HasUsableSender);
        Assert.False(Headers("From: Ann <ann>").HasUsableSender);
        Assert.False(Headers("Subject: no sender").HasUsableSender);
    }
}
