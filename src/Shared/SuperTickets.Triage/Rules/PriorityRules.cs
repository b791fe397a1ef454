using System.Text.RegularExpressions;

namespace SuperTickets.Triage.Rules;

/// <summary>
/// Priority from wording, customer signals and the models: each rule adds points and a short reason;
/// 4+ points is Urgent, 2+ High, otherwise Normal (Low for feature requests and general questions
/// without any signal).
/// </summary>
internal static partial class PriorityRules
{
    public static (Priority Priority, IReadOnlyList<string> Reasons) Evaluate(
        string text, string category, string? intent, float sentiment, bool isVip, int priorContacts)
    {
        var reasons = new List<string>();
        var points = 0;
        if (Outage().Match(text) is { Success: true } outage)
        {
            points += 3;
            reasons.Add($"outage wording: '{Shorten(outage.Value)}'");
        }
        else if (intent == "outage")
        {
            points += 3;
            reasons.Add("intent: outage");
        }
        if (Production().Match(text) is { Success: true } production)
        {
            points += 1;
            reasons.Add($"production impact: '{Shorten(production.Value)}'");
        }
        if (Urgency().Match(text) is { Success: true } urgency)
        {
            points += 2;
            reasons.Add($"urgent wording: '{Shorten(urgency.Value)}'");
        }
        if (isVip)
        {
            points += 2;
            reasons.Add("VIP customer");
        }
        if (priorContacts >= 2)
        {
            points += priorContacts >= 4 ? 2 : 1;
            reasons.Add($"repeated contact: {priorContacts} in 7 days");
        }
        if (sentiment <= -0.6f)
        {
            points += 1;
            reasons.Add($"strong negative sentiment ({sentiment:0.00})");
        }

        var priority = points >= 4 ? Priority.Urgent : points >= 2 ? Priority.High : Priority.Normal;
        if (points == 0 && category is "feature_request" or "general")
        {
            priority = Priority.Low;
            reasons.Add($"category {category} without urgency signals");
        }
        return (priority, reasons);
    }

    private static string Shorten(string value)
    {
        var collapsed = Regex.Replace(value.Trim(), @"\s+", " ");
        return collapsed.Length <= 40 ? collapsed : collapsed[..40];
    }

    [GeneratedRegex("""
        \b(is|are|went|goes|still|completely|totally|all)\s+down\b | \bdown\s+(for\s+(everyone|all|us)|again|since)\b
        | \boutages?\b | \bservice\s+unavailable\b | \b50[234]\s+(errors?|bad\s+gateway|service)
        | \b(all|every|none\s+of)\b[^.!?\n]{0,40}\b(offline|down|unreachable|not\s+(responding|working|loading))\b
        | \bnothing\s+works\b | \beverything\s+(stopped|is\s+broken)
        | \b(ausgefallen|ausfall|störung|geht\s+nichts\s+mehr) | \ben\s+panne\b | \bhors\s+service\b | \bplus\s+rien\s+ne\s+fonctionne\b
        | \b(caído|caída)\b | \bno\s+funciona\s+nada\b | \bfora\s+do\s+ar\b | \bfuori\s+servizio\b | \bstoring\b | \bligt\s+eruit\b
        | 障害 | ダウン
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Outage();

    [GeneratedRegex("""
        \b(urgent|urgently|asap|emergency|critical|immediately|right\s+away|as\s+soon\s+as\s+possible)\b
        | \b(dringend|sofort|umgehend|notfall|so\s+schnell\s+wie\s+möglich)\b
        | \b(urgence|immédiatement|au\s+plus\s+vite|dès\s+que\s+possible)\b
        | \b(urgente|inmediatamente|cuanto\s+antes|lo\s+antes\s+posible|o\s+mais\s+rápido\s+possível|subito)\b
        | \b(spoed|zo\s+snel\s+mogelijk)\b | 至急 | 緊急
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Urgency();

    [GeneratedRegex(@"\b(production|prod\s+(environment|system)|go-live|produktion|producción|produção|produzione|productie)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Production();
}
