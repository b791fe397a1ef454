using System.Text.RegularExpressions;

namespace SuperTickets.Knowledge.Query;

/// <summary>
/// Splits a query into subject and body and strips what every email carries but no article answers: reply
/// prefixes and ticket tokens in the subject, the greeting line, courtesy sentences, and the sign-off with
/// everything after it (name, signature, "Sent from my phone").
/// </summary>
internal static partial class EmailText
{
    private const int MaxSubjectLength = 200;
    private const int MaxGreetingWords = 8;
    private const int MaxSignOffWords = 6;
    private const int MaxSignatureLines = 6;

    /// <summary>
    /// A query of several lines is read as "subject, newline, body" (how the pipeline builds it); a single
    /// line is all body.
    /// </summary>
    public static (string Subject, string Body) Split(string query)
    {
        var text = query.ReplaceLineEndings("\n");
        var newline = text.IndexOf('\n');
        if (newline < 0 || newline > MaxSubjectLength)
        {
            return ("", text.Trim());
        }

        return (CleanSubject(text[..newline]), CleanBody(text[(newline + 1)..]));
    }

    public static string CleanSubject(string subject) =>
        TicketToken().Replace(ReplyPrefix().Replace(subject, ""), " ").Trim();

    public static string CleanBody(string body)
    {
        var lines = body.Split('\n').Select(l => l.Trim()).ToList();
        var first = lines.FindIndex(l => l.Length > 0);
        if (first >= 0 && WordCount(lines[first]) <= MaxGreetingWords && Greeting().IsMatch(lines[first]))
        {
            lines[first] = Greeting().Replace(lines[first], "");
        }

        var signOff = lines.FindIndex(l => (WordCount(l) <= MaxSignOffWords && SignOff().IsMatch(l)) || Device().IsMatch(l));
        if (signOff > 0 && IsSignature(lines, signOff + 1))
        {
            lines.RemoveRange(signOff, lines.Count - signOff);
        }

        var kept = string.Join('\n', lines).Trim();
        return Courtesy().Replace(kept, " ").Trim();
    }

    /// <summary>Only a few short lines (name, role, company) may follow a sign-off.</summary>
    private static bool IsSignature(List<string> lines, int start)
    {
        var rest = lines.Skip(start).Where(l => l.Length > 0).ToList();
        return rest.Count <= MaxSignatureLines && rest.All(l => WordCount(l) <= MaxGreetingWords);
    }

    private static int WordCount(string line) =>
        line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"^\s*((re|fwd?|aw|wg|sv|vs|rv|tr|res|enc)\s*(\[\d+\])?\s*:\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyPrefix();

    [GeneratedRegex(@"\[#?[A-Z]{1,5}-\d+\]")]
    private static partial Regex TicketToken();

    [GeneratedRegex(
        @"^(hi|hello|hey|hiya|dear|good\s+(morning|afternoon|evening|day)|greetings|to\s+whom\s+it\s+may\s+concern|hallo|liebe[rs]?|sehr\s+geehrte[rs]?|guten\s+(tag|morgen|abend)|servus|moin|hola|buen[oa]s\s+(d[ií]as|tardes|noches)|estimad[oa]s?|bonjour|bonsoir|cher|ch[eè]re|madame|monsieur|ol[aá]|oi|bom\s+dia|boa\s+(tarde|noite)|prezad[oa]s?|お世話になっております|こんにちは)\b.*$",
        RegexOptions.IgnoreCase)]
    private static partial Regex Greeting();

    [GeneratedRegex(
        @"^(thanks|thank\s+you|many\s+thanks|thx|cheers|regards|best|all\s+the\s+best|kind\s+regards|best\s+regards|warm\s+regards|best\s+wishes|sincerely|yours|respectfully|tack|mit\s+freundlichen\s+gr(ü|ue)(ß|ss)en|viele\s+gr(ü|ue)(ß|ss)e|beste\s+gr(ü|ue)(ß|ss)e|liebe\s+gr(ü|ue)(ß|ss)e|gru(ß|ss)|vielen\s+dank|danke|saludos|un\s+saludo|muchas\s+gracias|gracias|atentamente|cordialmente|cordialement|bien\s+(à|a)\s+vous|merci|salutations|atenciosamente|obrigad[oa]|abra(ç|c)os|よろしくお願い)\b.*$",
        RegexOptions.IgnoreCase)]
    private static partial Regex SignOff();

    [GeneratedRegex(@"^(sent\s+from\s+my|get\s+outlook\s+for|von\s+meinem|enviado\s+desde|envoy(é|e)\s+de\s+mon)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Device();

    [GeneratedRegex(
        @"(?<=^|[.!?\n])\s*[^.!?\n]*\b(hope\s+(you\s+are|you're|this\s+finds\s+you)|thanks\s+in\s+advance|thank\s+you\s+in\s+advance|looking\s+forward\s+to\s+(hearing|your)|any\s+help\s+(would\s+be|is)\s+(much\s+|greatly\s+)?appreciated|sorry\s+to\s+bother|quick\s+question)\b[^.!?\n]*[.!?]?",
        RegexOptions.IgnoreCase)]
    private static partial Regex Courtesy();
}
