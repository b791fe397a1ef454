using System.Text.Json;

namespace SuperTickets.Mail.Tests;

public sealed class ParsedEmailJsonTests
{
    private static JsonElement Render(ParsedEmail email, string? file)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            ParsedEmailJson.Write(writer, email, file);
        }

        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }

    [Fact]
    public void Json_view_carries_the_documented_fields()
    {
        var json = Render(TestData.Parse("messages/body.6.txt"), "body.6.txt");

        string[] expected =
        [
            "file", "messageId", "inReplyTo", "references", "subject", "from", "to", "cc", "replyTo", "date", "textBody",
            "htmlBody", "attachments", "autoSubmitted", "bounce", "noise", "defects", "sizeBytes", "oversize",
        ];
        Assert.Equal(expected, json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("mimekit@mimekit.net", json.GetProperty("from").GetProperty("address").GetString());
        Assert.Equal("2016-01-02T17:42:00-04:00", json.GetProperty("date").GetString());
        Assert.Equal(3, json.GetProperty("attachments").GetArrayLength());
        Assert.Equal("document.txt", json.GetProperty("attachments")[2].GetProperty("fileName").GetString());
        Assert.Equal(29, json.GetProperty("attachments")[2].GetProperty("size").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("noise").ValueKind);
    }

    [Fact]
    public void Bounce_is_flagged_and_file_is_omitted_when_not_given()
    {
        var json = Render(TestData.Parse("messages/delivery-status.txt"), null);

        Assert.False(json.TryGetProperty("file", out _));
        Assert.True(json.GetProperty("bounce").GetBoolean());
        Assert.Equal("bounce", json.GetProperty("noise").GetString());
    }

    [Fact]
    public void Auto_submitted_mail_is_flagged()
    {
        var json = Render(TestData.ParseText("From: a@example.com\r\nAuto-Submitted: auto-replied\r\nSubject: x\r\n\r\nbody\r\n"), "x.eml");

        Assert.True(json.GetProperty("autoSubmitted").GetBoolean());
        Assert.Equal("autoReply", json.GetProperty("noise").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("date").ValueKind);
    }
}
