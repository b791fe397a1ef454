using System.Text;

namespace SuperTickets.Mail.Tests;

public sealed class StructureTests
{
    [Fact]
    public void Delivery_status_notification_exposes_recipients_and_status_codes()
    {
        var email = TestData.Parse("messages/delivery-status2.txt");

        var report = Assert.IsType<DeliveryStatusReport>(email.DeliveryStatus);
        Assert.Equal("smtp-out.dis-hosting.net", report.ReportingMta);
        var recipient = Assert.Single(report.Recipients);
        Assert.Equal("source@domain.com", recipient.FinalRecipient);
        Assert.Equal("failed", recipient.Action);
        Assert.Equal("5.0.0", recipient.Status);
        Assert.True(report.IsFailure);
    }

    [Fact]
    public void Delivery_status_with_diagnostic_code_and_no_blank_line_is_read()
    {
        var report = TestData.Parse("messages/delivery-status-no-blank-line.txt").DeliveryStatus!;

        Assert.Equal("mm1", report.ReportingMta);
        Assert.Equal("500 (err.nosuchuser)", report.Recipients.Single().DiagnosticCode);
    }

    [Fact]
    public void Postfix_bounce_with_encoded_recipient_block_is_read()
    {
        var recipient = TestData.Parse("messages/bounce.txt").DeliveryStatus!.Recipients.Single();

        Assert.Equal("netec.test@netecgc.com", recipient.FinalRecipient);
        Assert.Equal("5.1.1", recipient.Status);
    }

    [Fact]
    public void Ordinary_mail_has_no_delivery_status_and_no_defects()
    {
        var email = TestData.Parse("messages/simple-multipart.eml");

        Assert.Null(email.DeliveryStatus);
        Assert.Empty(email.Defects);
    }

    [Theory]
    [InlineData("compliance/missing-multipart-boundary-parameter.eml", "missing multipart boundary parameter")]
    [InlineData("compliance/missing-multipart-boundary.eml", "multipart boundary not found")]
    [InlineData("compliance/missing-multipart-end-boundary.eml", "missing multipart end boundary")]
    [InlineData("compliance/multiple-content-types.eml", "multiple Content-Type headers")]
    [InlineData("compliance/invalid-content-type.eml", "invalid Content-Type")]
    [InlineData("compliance/invalid-content-transfer-encoding-basic.eml", "invalid Content-Transfer-Encoding")]
    [InlineData("compliance/invalid-header-field-with-space.eml", "invalid header field name")]
    [InlineData("compliance/incomplete-header.eml", "headers not followed by a blank line")]
    public void Compliance_violations_are_reported_as_defects(string file, string defect)
    {
        Assert.Contains(defect, TestData.Parse(file).Defects);
    }

    [Fact]
    public void Recovered_boundary_still_yields_body_and_attachment()
    {
        var email = TestData.Parse("compliance/missing-multipart-boundary.eml");

        Assert.Equal("This is the message body", email.TextBody);
        Assert.Equal("attachment.dat", email.Attachments.Single().FileName);
    }

    [Fact]
    public void Base64_encoded_embedded_message_is_an_attachment_that_parses()
    {
        var email = TestData.Parse("compliance/invalid-content-transfer-encoding-rfc822.eml");

        var embedded = MimeParser.Parse(email.Attachments.Single(a => a.ContentType == "message/rfc822").Content);
        Assert.False(string.IsNullOrEmpty(embedded.Subject));
    }

    [Fact]
    public void Oversize_mail_keeps_headers_and_is_flagged()
    {
        var raw = Encoding.ASCII.GetBytes("From: big@example.com\r\nSubject: huge\r\n\r\n" + new string('x', 5000));
        var email = MimeParser.Parse(raw, new MimeParserOptions { MaxMessageBytes = 1000 });

        Assert.True(email.IsOversize);
        Assert.Equal("huge", email.Subject);
        Assert.Equal("big@example.com", email.From?.Address);
        Assert.Null(email.TextBody);
        Assert.Equal(raw.Length, email.SizeBytes);
    }

    [Fact]
    public void Deep_nesting_stops_at_the_depth_limit()
    {
        var sb = new StringBuilder("From: a@example.com\r\n");
        for (var i = 0; i < 200; i++)
        {
            sb.Append($"Content-Type: multipart/mixed; boundary=b{i}\r\n\r\n--b{i}\r\n");
        }

        sb.Append("Content-Type: text/plain\r\n\r\ndeep\r\n");
        var email = TestData.ParseText(sb.ToString());

        Assert.Contains("multipart nesting too deep", email.Defects);
    }

    [Fact]
    public void Quoted_printable_body_in_latin1_is_decoded()
    {
        var email = TestData.ParseText("From: a@example.com\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nCaf=E9 cr=\r\n=E8me  \r\nend=\r\n");

        Assert.Equal("Café crème\nend", email.TextBody);
    }

    [Fact]
    public void Encoded_trailing_space_in_quoted_printable_is_kept()
    {
        var email = TestData.ParseText("From: a@example.com\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nHi\r\n--=20\r\nSig\r\n");

        Assert.Equal("Hi\n-- \nSig\n", email.TextBody);
    }

    [Fact]
    public void Lying_charset_falls_back_to_utf8()
    {
        var email = MimeParser.Parse(Encoding.UTF8.GetBytes("From: a@example.com\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nnaïve ☃\r\n"));

        Assert.Equal("naïve ☃\n", email.TextBody);
    }

    [Fact]
    public void Unknown_charset_with_invalid_utf8_falls_back_to_windows_1252()
    {
        var head = Encoding.ASCII.GetBytes("From: a@example.com\r\nContent-Type: text/plain; charset=x-unheard-of\r\n\r\n");
        var email = MimeParser.Parse(head.Concat(new byte[] { 0x80, 0x20, 0xE9 }).ToArray());

        Assert.Equal("€ é", email.TextBody);
    }
}
