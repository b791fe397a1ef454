using System.Globalization;
using System.Text;

namespace SuperTickets.Cli.Bench;

/// <summary>Deterministic, varied support emails for load runs (fictional senders on example domains).</summary>
public static class SyntheticEmails
{
    private static readonly string[] Subjects =
    [
        "How do I reset my password?", "Invoice copy for last month", "Where is my order?", "Refund for order {0}",
        "App crashes when I open the camera view", "Feature idea: dark mode for the dashboard", "Charged twice this month",
        "Cannot sign in after changing my phone", "Package arrived damaged", "Webhook deliveries failing with 500",
        "Cancel my subscription", "API returns 429 too many requests", "Question about data privacy",
        "Thermostat offline since this morning", "Change the shipping address of order {0}",
    ];

    private static readonly string[] Bodies =
    [
        "Hi team,\n\nI forgot my password and the reset link does not arrive. Can you help me get back into my account?\n\nThanks",
        "Hello,\n\nPlease send me a copy of the invoice for order {0}; our accounting needs it for the VAT return.\n\nBest regards",
        "Hi,\n\nMy order {0} was supposed to arrive on Monday and the tracking page has not changed for three days. Where is it?\n\nCheers",
        "Hello support,\n\nI returned the hub from order {0} two weeks ago and have not seen the refund yet. How long does a refund take?\n\nRegards",
        "Hi,\n\nSince the last update the mobile app crashes every time I open the live camera view. I reinstalled it twice.\n\nThanks",
        "Dear Nimbus,\n\nIt would be great to have a dark mode in the web dashboard, the white screen is very bright at night.\n\nKind regards",
        "Hi,\n\nMy card was charged twice for the Nimbus Cloud subscription this month. Please refund the duplicate charge.\n\nThanks",
        "Hello,\n\nI changed my phone and now the two-factor codes do not work, so I am locked out of my account.\n\nPlease help",
        "Hi,\n\nThe camera from order {0} arrived with a cracked lens; the box was crushed. What should I do?\n\nRegards",
        "Hello,\n\nOur webhook endpoint receives nothing since yesterday and the dashboard shows 500 errors for every delivery.\n\nThanks",
    ];

    public static IEnumerable<(string Name, byte[] Content)> Generate(int count, int seed, DateTimeOffset start)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var order = random.Next(100000, 999999).ToString(CultureInfo.InvariantCulture);
            var subject = string.Format(CultureInfo.InvariantCulture, Subjects[random.Next(Subjects.Length)], order);
            var body = string.Format(CultureInfo.InvariantCulture, Bodies[random.Next(Bodies.Length)], order);
            var date = start.AddSeconds(i).ToString("ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture).Remove(29, 1);
            var text = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"From: Customer {i} <customer{i}@load.example.com>\r\n")
                .Append("To: support@nimbus.example\r\n")
                .Append(CultureInfo.InvariantCulture, $"Subject: {subject}\r\n")
                .Append(CultureInfo.InvariantCulture, $"Date: {date}\r\n")
                .Append(CultureInfo.InvariantCulture, $"Message-ID: <load-{seed}-{i}@load.example.com>\r\n")
                .Append("MIME-Version: 1.0\r\n")
                .Append("Content-Type: text/plain; charset=utf-8\r\n")
                .Append("Content-Transfer-Encoding: 8bit\r\n\r\n")
                .Append(body.Replace("\n", "\r\n", StringComparison.Ordinal)).Append("\r\n");
            yield return ($"load-{i:D7}.eml", Encoding.UTF8.GetBytes(text.ToString()));
        }
    }
}
