using System.Diagnostics;

namespace SuperTickets.Mail.Tests;

/// <summary>Random and mutated input never throws and stays fast (fixed seeds, so failures reproduce).</summary>
public sealed class FuzzTests
{
    private static readonly string[] Seeds =
    [
        "messages/body.7.txt", "messages/bounce.txt", "messages/japanese.txt", "messages/multipart-digest.txt",
        "messages/rfc2060.txt", "compliance/missing-multipart-end-boundary.eml", "messages/delivery-status.txt",
        "partial/message-partial.0.eml", "messages/multipart-related-mhtml.txt",
    ];

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(12345);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 2048)];
            random.NextBytes(bytes);
            Exercise(bytes);
        }
    }

    [Fact]
    public void Mutated_real_messages_never_throw()
    {
        var random = new Random(424242);
        var corpus = Seeds.Select(f => File.ReadAllBytes(TestData.Mime(f))).ToArray();
        for (var i = 0; i < 3000; i++)
        {
            var source = corpus[random.Next(corpus.Length)];
            Exercise(Mutate(source, random));
        }
    }

    private static byte[] Mutate(byte[] source, Random random)
    {
        var data = source.ToList();
        var edits = random.Next(1, 8);
        for (var e = 0; e < edits && data.Count > 0; e++)
        {
            var at = random.Next(data.Count);
            switch (random.Next(6))
            {
                case 0:
                    data.RemoveRange(at, data.Count - at);
                    break;
                case 1:
                    data[at] = (byte)random.Next(256);
                    break;
                case 2:
                    var len = Math.Min(random.Next(1, 400), data.Count - at);
                    data.InsertRange(random.Next(data.Count), data.GetRange(at, len));
                    break;
                case 3:
                    data.RemoveRange(at, Math.Min(random.Next(1, 50), data.Count - at));
                    break;
                case 4:
                    data.InsertRange(at, "\r\n--"u8.ToArray());
                    break;
                default:
                    data.InsertRange(at, "=?utf-8?B?"u8.ToArray());
                    break;
            }
        }

        return data.ToArray();
    }

    private static void Exercise(byte[] bytes)
    {
        var watch = Stopwatch.StartNew();
        var email = MimeParser.Parse(bytes);
        _ = email.BestTextBody;
        _ = email.HtmlBody;
        _ = email.Date;
        _ = email.AllHeaders();
        foreach (var attachment in email.Attachments)
        {
            _ = attachment.Size;
        }

        Assert.DoesNotContain(email.Defects, d => d.StartsWith("unparseable", StringComparison.Ordinal));
        Assert.True(watch.ElapsedMilliseconds < 20_000, $"parsing {bytes.Length} bytes took {watch.ElapsedMilliseconds} ms: a hang");
    }
}
