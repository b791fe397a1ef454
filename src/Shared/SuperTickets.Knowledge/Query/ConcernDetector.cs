using System.Text.RegularExpressions;

namespace SuperTickets.Knowledge.Query;

/// <summary>
/// Finds <see cref="KbConcern"/>s in a message with phrase patterns (English first, with the common German,
/// Spanish, French and Portuguese forms). Each pattern is a phrase, not a single topical word, so that a
/// question about the complaints process or a refund policy is not itself a concern.
/// </summary>
internal static partial class ConcernDetector
{
    public static IReadOnlyList<KbConcern> Detect(string text)
    {
        var found = new List<KbConcern>();
        Add(found, KbConcern.RepeatContact, RepeatContact(), text);
        Add(found, KbConcern.Dispute, Dispute(), text);
        Add(found, KbConcern.AccountSpecific, AccountSpecific(), text);
        Add(found, KbConcern.Urgent, Urgent(), text);
        Add(found, KbConcern.BugReport, BugReport(), text);
        Add(found, KbConcern.Security, Security(), text);
        Add(found, KbConcern.Complaint, Complaint(), text);
        Add(found, KbConcern.Business, Business(), text);
        Add(found, KbConcern.FeatureIdea, FeatureIdea(), text);
        return found;
    }

    private static void Add(List<KbConcern> found, KbConcern concern, Regex pattern, string text)
    {
        if (pattern.IsMatch(text))
        {
            found.Add(concern);
        }
    }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(
        @"\b((second|third|fourth|fifth|2nd|3rd|4th|5th|\d+th)\s+time|already\s+(tried|followed|done|did|reset|reinstalled|restarted|rebooted|cleared|checked|updated|contacted|wrote|written|emailed|sent|called|asked|waited|replaced)|tried\s+(everything|all\s+the|every|two|three|several|multiple|\d+)\b|followed\s+the\s+[\w\s]{0,30}(guide|article|instructions|steps)\s+(twice|again|\w+\s+times)|followed\s+(every|all)\s+(the\s+)?steps?|every\s+step|(wrote|written|emailed|contacted)\s+(to\s+)?(you\s+)?(last|before|earlier|twice|several|again)|still\s+(fails|failing|crashes|happens|the\s+same|not|no|nothing|doesn'?t|don'?t|isn'?t|won'?t|can'?t|haven'?t|hasn'?t|says|shows|broken|locked|missing|waiting)|not\s+(working|arrived)\s+again|nobody\s+(answers|replies|responds)|no\s+one\s+(answers|replies|responds|got\s+back)|haven'?t\s+heard\s+back|(immer\s+noch|schon\s+wieder|zum\s+(zweiten|dritten)\s+mal|bereits\s+(versucht|neu\s+gestartet))|todav[ií]a\s+no|ya\s+(intent[eé]|he\s+(intentado|probado))|otra\s+vez|toujours\s+pas|d[ée]j[àa]\s+(essay[ée]|red[ée]marr[ée])|ainda\s+n[ãa]o|j[áa]\s+(tentei|reiniciei))\b",
        Options)]
    private static partial Regex RepeatContact();

    [GeneratedRegex(
        @"\b(reimburse|compensat(e|ion)|refund\s+(this|the\s+(duplicate|charge|vat|difference|fee)|it|me)\b|(correct|reissue|re-issue)\s+(the|these|those|our|my|all)\b|should\s*(n'?t|\s+not|\s+never)\s+have|by\s+mistake|in\s+error|wrongly|incorrectly|i\s+disagree|dispute|unacceptable|unfair|unjustified|chargeback|charge\s*back|lawyer|legal\s+action|small\s+claims|consumer\s+protection|rejected|denied|refused|at\s+no\s+(extra\s+)?cost|free\s+of\s+charge\s+again|where\s+is\s+my\s+money|make\s+an\s+exception|charged\s+(again|after)|(erstatten|zur(ü|ue)ckerstatten|korrigieren)\s+sie|zu\s+viel\s+gezahlt|reclamaci[oó]n|devu[eé]lvanme|rembourser|rembours[ée]\s+rapidement|reembolso\s+imediato)\b",
        Options)]
    private static partial Regex Dispute();

    [GeneratedRegex(
        @"((?i:\b\d+([.,]\d{2})?\s?(eur|usd|chf|gbp|euros?|dollars?|pounds)\b)|[€$£]\s?\d+|\b[A-Z]{2,4}-\d{4,}\b|(?i:\b(on|since|from)\s+(\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(january|february|march|april|june|july|august|september|october|november|december)\s+\d{1,2})\b)|\b(am|vom|seit\s+dem)\s+\d{1,2}\.\s?(\d{1,2}\.|[a-zä]+)|\b\d{1,2}:\d{2}\b)",
        RegexOptions.CultureInvariant)]
    private static partial Regex AccountSpecific();

    [GeneratedRegex(
        @"\b(urgent(ly)?|asap|emergency|immediately|outage|production\s+(is\s+)?down|is\s+down|are\s+down|(every|all)\s+(single\s+)?(of\s+)?(our|the)?\s*(\d+\s+)?(cameras|devices|hubs|sites|stores|offices|locations|calls)|503|service\s+unavailable|(none|all)\s+of\s+the\s+\d+|affecting\s+our\s+(business|customers|guests)|right\s+now\s*[.!]|dringend|sofort|st(ö|oe)rung|urgente|de\s+inmediato|imm[ée]diatement|urgen(t|te))\b",
        Options)]
    private static partial Regex Urgent();

    [GeneratedRegex(
        @"\b(bug|regression|since\s+(the|your|last)\s+(\w+\s+)?(update|release|upgrade)|after\s+(the|your|last)\s+(\w+\s+)?(update|release|upgrade)|steps\s+to\s+reproduce|steps:|crash\s+(id|log|report)|stack\s+trace|error\s+code\s+\w+|100\s?%\s+of\s+the\s+time|(shows?|posts?|sends?|appears?|arrives?)\s+(up\s+)?(twice|three\s+times|several\s+times)|every\s+time\s+i\s+open\s+the\s+\w+\s+view|your\s+developers|on\s+your\s+side|fehler\s+in)\b",
        Options)]
    private static partial Regex BugReport();

    [GeneratedRegex(
        @"\b(hacked|compromised|account\s+takeover|someone\s+(else\s+)?(changed|logged|is\s+(trying|using|watching)|has\s+access|may\s+be\s+watching)|i\s+did\s+not\s+do\s+this|wasn'?t\s+me|not\s+me|unauthori[sz]ed|suspicious\s+(login|sign-?in|activity)|login\s+history|gehackt|hackeado|pirat[ée])\b",
        Options)]
    private static partial Regex Security();

    [GeneratedRegex(
        @"\b(i\s+want\s+to\s+complain|complain\s+about|i\s+(am|'m)\s+(very\s+)?(disappointed|angry|furious|frustrated|fed\s+up)|losing\s+(my\s+)?patience|ridiculous|terrible\s+service|worst|apolog(y|ise|ize)|dismissive|rude|a\s+manager|someone\s+senior|supervisor|leave\s+a\s+review|cancel\s+and\s+move|move\s+(my|our)\s+\w+\s+to\s+another|beschwerde|queja|plainte)\b",
        Options)]
    private static partial Regex Complaint();

    [GeneratedRegex(
        @"\b(resell(er|ing)?|partner\s+programme|partner\s+program|trade\s+pricing|wholesale|discount|quote\s+for|consolidated|net\s+30|procurement|contract|journalist|press\s+(inquiry|enquiry)|communications\s+team|article\s+\d+|subject\s+access|data\s+protection\s+officer|police|law\s+enforcement|subpoena|court\s+order|(schedule|jump\s+on|book|arrange)\s+a\s+(\d+\s+minute\s+)?(video\s+)?call|video\s+call|(sales|billing)\s+team\s+contact)\b",
        Options)]
    private static partial Regex Business();

    [GeneratedRegex(
        @"\b(it\s+would\s+be\s+(great|nice|useful|helpful|awesome)\s+(if|to)|would\s+love\s+(to\s+see|it\s+if)|i'?d\s+(really\s+)?(like|love)\s+to\s+see|please\s+(add|consider\s+adding)|suggestion\s+for\s+the|feature\s+request:|on\s+your\s+roadmap|any\s+plans?\s+to\s+(add|support)|wäre\s+(toll|schön)\s+wenn|ser[ií]a\s+genial\s+si|ce\s+serait\s+bien)\b",
        Options)]
    private static partial Regex FeatureIdea();
}
