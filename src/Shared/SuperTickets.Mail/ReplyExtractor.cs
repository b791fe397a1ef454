using System.Text.RegularExpressions;

namespace SuperTickets.Mail;

/// <summary>
/// Extracts the new text of a reply: drops "&gt;" quoted lines, everything from a quote header on
/// (Gmail, Outlook, Apple Mail, Thunderbird; English, German, French, Spanish, Dutch, Portuguese, Italian)
/// and the signature ("-- " delimiter, "Sent from my iPhone" and similar).
/// </summary>
public static partial class ReplyExtractor
{
    private const int HeaderBlockWindow = 6;

    /// <summary>The new text, trimmed, with "\n" line endings; empty when the message holds nothing but quotes.</summary>
    public static string Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var cut = FindCut(lines);
        var kept = new List<string>(cut);
        for (var i = 0; i < cut; i++)
        {
            if (!lines[i].TrimStart().StartsWith('>'))
            {
                kept.Add(lines[i].TrimEnd());
            }
        }

        return string.Join('\n', kept).Trim('\n', ' ', '\t');
    }

    private static int FindCut(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i] is "-- " or "--" or "-- \u00A0")
            {
                return i;
            }

            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('>'))
            {
                continue;
            }

            if (OriginalMessage().IsMatch(line) || SentFromDevice().IsMatch(line) || ForwardedMessage().IsMatch(line))
            {
                return i;
            }

            if (IsAttribution(line) || (i + 1 < lines.Length && IsAttribution(line + " " + lines[i + 1].Trim())))
            {
                return i;
            }

            if (Underscores().IsMatch(line) && i + 1 < lines.Length && IsHeaderBlock(lines, i + 1))
            {
                return i;
            }

            if (IsHeaderBlock(lines, i))
            {
                return i;
            }
        }

        return lines.Length;
    }

    private static bool IsAttribution(string line) => line.Length < 400 && Attribution().IsMatch(line);

    /// <summary>An Outlook-style header block: a From line followed closely by Sent/Date and To/Subject lines.</summary>
    private static bool IsHeaderBlock(string[] lines, int start)
    {
        if (!HeaderFrom().IsMatch(lines[start].Trim().TrimStart('*')))
        {
            return false;
        }

        var sent = false;
        var other = false;
        var end = Math.Min(lines.Length, start + HeaderBlockWindow);
        for (var i = start + 1; i < end; i++)
        {
            var line = lines[i].Trim().TrimStart('*');
            sent |= HeaderSent().IsMatch(line);
            other |= HeaderToOrSubject().IsMatch(line);
        }

        return sent && other;
    }

    [GeneratedRegex(@"^(On\s.+\swrote|Am\s.+\sschrieb.*|Le\s.+\sa\s+écrit\s?|El\s.+\sescribió|Op\s.+\s(schreef|geschreven).*|Em\s.+\sescreveu|Il\s.+\sha\s+scritto|Den\s.+\sskrev|(?=.*[@\d]).+\s(wrote|schrieb|a écrit|escribió|schreef|escreveu|ha scritto)\s?):\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Originalnachricht|Message d'origine|Mensaje original|Oorspronkelijk bericht|Origineel bericht|Messaggio originale|Mensagem original)\s*-{2,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^(-{2,}\s*(Forwarded message|Weitergeleitete Nachricht|Message transféré|Mensaje reenviado|Doorgestuurd bericht|Messaggio inoltrato|Mensagem encaminhada)\s*-{2,}|Begin forwarded message:|Anfang der weitergeleiteten Nachricht:|Début du message réexpédié :?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForwardedMessage();

    [GeneratedRegex(@"^(Sent from my \w+|Sent from (Outlook|Mail|Yahoo Mail|my mobile)|Get Outlook for \w+|Sent via \w+|Von meinem \w+ gesendet|Gesendet von meinem \w+|Envoyé de mon \w+|Envoyé depuis mon \w+|Enviado desde mi \w+|Enviado do meu \w+|Enviado de meu \w+|Inviato da(l mio)? \w+|Verzonden (vanaf|met) mijn \w+).{0,60}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SentFromDevice();

    [GeneratedRegex(@"^_{10,}$")]
    private static partial Regex Underscores();

    [GeneratedRegex(@"^(From|Von|De|Da|Van|Från)\s?:\s*\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderFrom();

    [GeneratedRegex(@"^(Sent|Date|Gesendet|Datum|Envoyé|Date d'envoi|Enviado|Fecha|Inviato|Data|Verzonden|Verstuurd|Skickat)\s?:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderSent();

    [GeneratedRegex(@"^(To|An|À|A|Para|Aan|Till|Subject|Betreff|Objet|Asunto|Oggetto|Assunto|Onderwerp|Ämne)\s?:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderToOrSubject();
}
