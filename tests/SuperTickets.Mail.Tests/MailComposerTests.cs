using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace SuperTickets.Mail.Tests;

public sealed class MailComposerTests
{
    private static readonly DateTimeOffset Date = new(2025, 3, 14, 9, 26, 53, TimeSpan.FromHours(1));

    private static OutgoingEmail Sample(Func<OutgoingEmail, OutgoingEmail>? change = null)
    {
        var mail = new OutgoingEmail
        {
            From = new MailAddress("Support – Müller GmbH", "support@tickets.example.com"),
            To = [new MailAddress("Doe, Jane", "jane@example.org"), new MailAddress(null, "ops@example.org")],
            Subject = "Re: [#42] Drucker druckt nicht – Größe der Warteschlange überschritten, bitte um Rückmeldung 😀",
            TextBody = "Guten Tag,\n\nwir haben Ihre Anfrage erhalten. Straße = 12\n-- \nSupport",
            MessageId = "t42.abc@tickets.example.com",
            InReplyTo = "orig-1@example.org",
            References = ["orig-0@example.org", "orig-1@example.org"],
            Date = Date,
            AutoSubmitted = true,
            ExtraHeaders = new Dictionary<string, string> { ["X-Ticket-Id"] = "42" },
        };
        return change is null ? mail : change(mail);
    }

    [Fact]
    public void Composed_text_mail_round_trips_through_our_parser()
    {
        var raw = MailComposer.Compose(Sample());
        var email = MimeParser.Parse(raw);

        Assert.Equal(Sample().Subject, email.Subject);
        Assert.Equal(Sample().From, email.From);
        Assert.Equal(["jane@example.org", "ops@example.org"], email.To.Select(a => a.Address));
        Assert.Equal("Doe, Jane", email.To[0].Name);
        Assert.Equal("t42.abc@tickets.example.com", email.MessageId);
        Assert.Equal("orig-1@example.org", email.InReplyTo);
        Assert.Equal(["orig-0@example.org", "orig-1@example.org"], email.References);
        Assert.Equal(Date, email.Date);
        Assert.Equal(Sample().TextBody, email.TextBody!.TrimEnd('\n'));
        Assert.Equal("auto-replied", email.Header("Auto-Submitted"));
        Assert.Equal("42", email.Header("X-Ticket-Id"));
        Assert.Equal("1.0", email.Header("MIME-Version"));
        Assert.Empty(email.Defects);
    }

    [Fact]
    public void Quoted_printable_bodies_of_any_text_round_trip_in_lines_of_at_most_76_characters()
    {
        string[] pieces = ["a", "Z", "7", " ", "\t", "=", "\n", ".", "ü", "€", "日本", "😀", new string('x', 90), " \n", "\t\n", "=\n"];
        var random = new Random(20261206);
        for (var run = 0; run < 300; run++)
        {
            var text = new StringBuilder();
            for (var i = random.Next(1, 60); i > 0; i--)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }
            var body = text.Append('ü').ToString(); // one non-ASCII character: always quoted-printable
            var raw = MailComposer.Compose(Sample(m => m with { TextBody = body }));
            var encoded = Encoding.ASCII.GetString(raw);
            var bodyLines = encoded[(encoded.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..].Split("\r\n");

            Assert.Equal(body, MimeParser.Parse(raw).TextBody!.TrimEnd('\n'));
            Assert.All(bodyLines, line => Assert.True(line.Length <= 76, line));
            Assert.All(bodyLines, line => Assert.False(line.EndsWith(' ') || line.EndsWith('\t'), line));
        }
    }

    [Fact]
    public void Every_line_ends_with_crlf_and_header_lines_stay_within_78_characters()
    {
        var text = Encoding.UTF8.GetString(MailComposer.Compose(Sample()));
        var headerBlock = text[..text.IndexOf("\r\n\r\n", StringComparison.Ordinal)];

        Assert.DoesNotContain("\n", text.Replace("\r\n", string.Empty));
        Assert.All(headerBlock.Split("\r\n"), line => Assert.True(line.Length <= 78, line));
        Assert.All(headerBlock.Split("\r\n"), line => Assert.True(line.All(c => c < 128), line));
        Assert.Contains("Message-ID: <t42.abc@tickets.example.com>", headerBlock);
        Assert.Contains("Content-Transfer-Encoding: quoted-printable", text);
    }

    [Fact]
    public void Html_and_attachments_build_alternative_inside_mixed()
    {
        var pdf = Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray();
        var mail = Sample(m => m with
        {
            HtmlBody = "<p>Guten Tag, <b>Größe</b></p>",
            Attachments = [new OutgoingAttachment("Rechnung März.pdf", "application/pdf", pdf)],
        });
        var email = MimeParser.Parse(MailComposer.Compose(mail));

        Assert.Equal(mail.HtmlBody, email.HtmlBody!.TrimEnd('\n'));
        Assert.Equal(mail.TextBody, email.TextBody!.TrimEnd('\n'));
        var attachment = Assert.Single(email.Attachments);
        Assert.Equal("Rechnung März.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType);
        Assert.Equal(pdf, attachment.Content.ToArray());
    }

    [Fact]
    public void Calendar_invitation_is_offered_as_alternative_and_attachment()
    {
        const string ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:Call\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        var raw = MailComposer.Compose(Sample(m => m with { Attachments = [OutgoingAttachment.Calendar(ics)] }));
        var text = Encoding.UTF8.GetString(raw);
        var email = MimeParser.Parse(raw);

        Assert.Contains("Content-Type: text/calendar; method=REQUEST; charset=utf-8", text);
        Assert.Contains(email.Attachments, a => a.FileName == "invite.ics" && Encoding.UTF8.GetString(a.Content.Span) == ics);
        Assert.Contains(email.Attachments, a => a.ContentType == "text/calendar");
    }

    [Fact]
    public void Plain_ascii_mail_uses_7bit_and_no_encoded_words()
    {
        var mail = Sample(m => m with { Subject = "Your ticket 42", TextBody = "Hello", From = new MailAddress("Support", "s@example.com"), AutoSubmitted = false });
        var text = Encoding.UTF8.GetString(MailComposer.Compose(mail));

        Assert.Contains("Subject: Your ticket 42\r\n", text);
        Assert.Contains("From: Support <s@example.com>\r\n", text);
        Assert.Contains("Content-Transfer-Encoding: 7bit", text);
        Assert.DoesNotContain("=?", text);
        Assert.DoesNotContain("Auto-Submitted", text);
    }

    [Fact]
    public void Composed_mail_reads_the_same_in_python()
    {
        var python = FindPython();
        Assert.True(python is not null || Environment.GetEnvironmentVariable("CI") is null, "python3 is required on CI");
        if (python is null)
        {
            return;
        }

        var mail = Sample(m => m with
        {
            HtmlBody = "<p>Grüße</p>",
            Attachments = [new OutgoingAttachment("Übersicht.txt", "text/plain", Encoding.UTF8.GetBytes("äöü")), OutgoingAttachment.Calendar("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")],
        });
        var result = RunPython(python, MailComposer.Compose(mail));

        Assert.Equal(mail.Subject, result.GetProperty("subject").GetString());
        Assert.Equal("Support – Müller GmbH", result.GetProperty("from")[0].GetString());
        Assert.Equal("Doe, Jane", result.GetProperty("to")[0][0].GetString());
        Assert.Equal("<t42.abc@tickets.example.com>", result.GetProperty("messageId").GetString());
        Assert.Equal("auto-replied", result.GetProperty("autoSubmitted").GetString());
        Assert.Equal(mail.TextBody, result.GetProperty("text").GetString()!.Replace("\r\n", "\n").TrimEnd('\n'));
        Assert.Equal("<p>Grüße</p>", result.GetProperty("html").GetString()!.TrimEnd('\n', '\r'));
        var attachments = result.GetProperty("attachments").EnumerateArray().Select(a => $"{a[0].GetString()}|{a[1].GetString()}|{a[2].GetInt32()}").ToList();
        Assert.Contains("Übersicht.txt|text/plain|6", attachments);
        Assert.Contains("invite.ics|application/ics|32", attachments);
        Assert.Empty(result.GetProperty("defects").EnumerateArray());
    }

    private static string? FindPython()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator).Select(d => Path.Combine(d, "python3")).FirstOrDefault(File.Exists);
    }

    private static JsonElement RunPython(string python, byte[] raw)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, raw);
            var start = new ProcessStartInfo(python, [Path.Combine(TestData.OwnDataDirectory, "read_message.py"), file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
            };
            start.Environment["PYTHONIOENCODING"] = "utf-8";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, error);
            return JsonDocument.Parse(output).RootElement.Clone();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
