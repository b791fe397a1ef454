using System.Globalization;
using System.Text.RegularExpressions;

namespace SuperTickets.Llm.Answers;

/// <summary>
/// The numeric facts of a text, as keys: <c>n:60</c> for a number, <c>%:30</c> for a percentage and <c>$EUR:4.99</c> for an
/// amount of money. Decimal commas count as points and leading zeros are dropped, so <c>4,99</c> is <c>4.99</c> and
/// <c>09:00</c> is <c>9:00</c>. The facts of a source also hold every number as plain <c>n:</c>, the hour of each time and
/// the English number words (five, twenty-four), so a draft may write a source's "five business days" as "5 business days".
/// </summary>
internal static partial class NumericFacts
{
    private static readonly Dictionary<string, int> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15,
        ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40,
        ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90, ["hundred"] = 100, ["dozen"] = 12,
    };

    public static HashSet<string> Of(string text, bool isSource)
    {
        var facts = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in NumberPattern().Matches(text))
        {
            var number = Normalize(match.Groups["num"].Value);
            var currency = Currency(match.Groups["cur"].Value) ?? Currency(match.Groups["cur2"].Value);
            facts.Add(currency is not null ? $"${currency}:{number}" : match.Groups["pct"].Success ? "%:" + number : "n:" + number);
            if (isSource)
            {
                facts.Add("n:" + number);
                if (number.IndexOf(':') is > 0 and var colon) facts.Add("n:" + number[..colon]);
            }
        }
        if (isSource)
        {
            foreach (Match word in NumberWordPattern().Matches(text))
            {
                var value = Words[word.Groups["word"].Value] + (word.Groups["unit"].Success ? Words[word.Groups["unit"].Value] : 0);
                facts.Add("n:" + value.ToString(CultureInfo.InvariantCulture));
            }
        }
        return facts;
    }

    private static string Normalize(string number)
    {
        var value = number.Replace(',', '.');
        var end = value.IndexOfAny(['.', ':']);
        end = end < 0 ? value.Length : end;
        var zeros = 0;
        while (zeros < end - 1 && value[zeros] == '0') zeros++;
        return value[zeros..];
    }

    private static string? Currency(string marker) => marker.Trim().ToUpperInvariant() switch
    {
        "" => null,
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        var code => code,
    };

    [GeneratedRegex(@"(?<cur>[$€£¥]|\b(?:USD|EUR|GBP|CHF|JPY)\b)?[ \u00A0]?(?<num>\d+(?:[.,:]\d+)*)(?:[ \u00A0]?(?<pct>%|percent\b|per[ ]?cent\b|Prozent\b|por[ ]?ciento\b)|[ \u00A0]?(?<cur2>[$€£¥]|(?:USD|EUR|GBP|CHF|JPY)\b))?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\b(?<word>zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen)(?:-(?<unit>one|two|three|four|five|six|seven|eight|nine))?\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberWordPattern();
}
