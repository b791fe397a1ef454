using System.Text.RegularExpressions;

namespace SuperTickets.Triage.Text;

/// <summary>Recognizes requests for a call or meeting (en, de, fr, es, pt, it, nl).</summary>
public static partial class MeetingRequestDetector
{
    public static bool IsMeetingRequest(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Pattern().IsMatch(text.Length > 4000 ? text[..4000] : text);
    }

    [GeneratedRegex("""
        \b(schedule|set\s+up|arrange|book|organi[sz]e|plan)\s+(a|an|the)?\s*(quick\s+|short\s+|video\s+|phone\s+)?(call|meeting|demo|appointment|zoom|teams\s+meeting)\b
        | \b(can|could|shall)\s+we\s+(talk|speak|chat|meet|hop\s+on\s+a\s+call)\b
        | \b(call|ring|phone)\s+me\b
        | \b(available|free|time)\s+for\s+a\s+(quick\s+|short\s+)?(call|meeting|chat)\b
        | \b(jump|hop)\s+on\s+a\s+(quick\s+)?call\b
        | \bvideo\s*call\b
        | \b(termin|telefonat|videocall|rückruf)\b.{0,40}\b(vereinbaren|ausmachen|machen|planen|bitten)\b
        | \bkönnen\s+wir\s+(telefonieren|sprechen|reden)\b
        | \b(organiser|planifier|fixer|prévoir|caler)\s+(un|une)\s+(appel|réunion|rendez-vous|visio)\b
        | \bpouvons-nous\s+(parler|discuter|nous\s+appeler)\b
        | \b(programar|agendar|concertar|organizar)\s+una\s+(llamada|reunión|videollamada|cita)\b
        | \bpodemos\s+(hablar|conversar|reunirnos)\b
        | \b(agendar|marcar)\s+uma\s+(chamada|reunião|ligação)\b
        | \b(fissare|organizzare|programmare)\s+una\s+(chiamata|riunione|videochiamata)\b
        | \b(afspraak\s+maken|kunnen\s+we\s+(bellen|overleggen))\b
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
