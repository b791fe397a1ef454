using System.Text;

namespace SuperTickets.Mail.Net.Tests;

/// <summary>Generated RFC 5322 messages with CRLF line ends, 8-bit bodies and dot-leading lines.</summary>
internal static class TestMessages
{
    public static byte[] Create(int number, int bodyLines = 5)
    {
        var text = new StringBuilder()
            .Append("From: Zoë Ångström <zoe@example.org>\r\n")
            .Append("To: support@example.com\r\n")
            .Append($"Subject: =?UTF-8?Q?Bestellung_Nr._{number}_=E2=80=93_Lieferung?=\r\n")
            .Append($"Message-ID: <m{number}.{Guid.NewGuid():N}@example.org>\r\n")
            .Append("MIME-Version: 1.0\r\n")
            .Append("Content-Type: text/plain; charset=utf-8\r\n")
            .Append("Content-Transfer-Encoding: 8bit\r\n")
            .Append("\r\n");
        for (var line = 0; line < bodyLines; line++)
        {
            text.Append(line % 3 == 0 ? $".line {line} of message {number}: naïve café, 東京, ✓\r\n" : $"line {line} {{7}} \"quoted\" (paren) \\ back\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static IEnumerable<byte[]> Many(int count, int bodyLines = 5) =>
        Enumerable.Range(1, count).Select(n => Create(n, bodyLines));
}
