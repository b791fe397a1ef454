using System.Text.Json;

namespace SuperTickets.Mail.Tests;

/// <summary>Compares the parser with expectations generated offline by Python's email package (Data/oracle.jsonl).</summary>
public sealed class OracleTests
{
    public static TheoryData<string> Rows() =>
        new(File.ReadLines(Path.Combine(TestData.OwnDataDirectory, "oracle.jsonl")).Where(l => l.Length > 0));

    [Theory]
    [MemberData(nameof(Rows))]
    public void Parser_agrees_with_the_python_oracle(string row)
    {
        using var doc = JsonDocument.Parse(row);
        var expected = doc.RootElement;
        var email = TestData.Parse(expected.GetProperty("file").GetString()!);

        if (expected.GetProperty("subject").GetString() is { } subject)
        {
            Assert.Equal(Normalize(subject), Normalize(email.Subject));
        }

        if (expected.TryGetProperty("fromAddress", out var from) && from.GetString() is { Length: > 0 } address)
        {
            Assert.Equal(address, email.From?.Address);
        }

        if (expected.GetProperty("messageId").GetString() is { } id)
        {
            Assert.Equal(id, email.MessageId);
        }

        if (expected.GetProperty("to").ValueKind == JsonValueKind.Array)
        {
            var to = expected.GetProperty("to").EnumerateArray().Select(e => e.GetString()!).ToList();
            Assert.Equal(to, email.To.Select(a => a.Address).Where(a => a.Length > 0).ToList());
        }

        if (expected.GetProperty("date").GetString() is { } date)
        {
            Assert.Equal(DateTimeOffset.Parse(date, System.Globalization.CultureInfo.InvariantCulture), email.Date);
        }

        var files = expected.GetProperty("files").EnumerateArray()
            .Select(f => $"{f.GetProperty("name").GetString()}:{f.GetProperty("size")}").Order().ToList();
        var ours = email.Attachments.Where(a => a.FileName is not null).Select(a => $"{a.FileName}:{a.Size}").Order().ToList();
        Assert.Equal(files, ours);
    }

    private static string Normalize(string? s) => string.Join(' ', (s ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
