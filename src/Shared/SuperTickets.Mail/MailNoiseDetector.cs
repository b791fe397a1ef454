namespace SuperTickets.Mail;

/// <summary>
/// Detects automatic, bulk and looping mail (RFC 3834 Auto-Submitted, Precedence, vendor headers, DSNs,
/// localized out-of-office subjects, and our own Message-ID domain coming back).
/// </summary>
public static class MailNoiseDetector
{
    private static readonly string[] OutOfOfficeSubjects =
    [
        "out of office", "out of the office", "automatic reply", "auto reply", "auto-reply", "autoreply", "auto response",
        "autoresponse", "away from the office", "abwesenheitsnotiz", "automatische antwort", "nicht im büro",
        "réponse automatique", "reponse automatique", "absence du bureau", "absent du bureau", "respuesta automática",
        "respuesta automatica", "fuera de la oficina", "risposta automatica", "fuori ufficio", "automatisch antwoord",
        "niet aanwezig", "resposta automática", "resposta automatica", "fora do escritório", "autosvar", "automatisk svar", "automaattinen vastaus",
        "automatyczna odpowiedź", "автоматический ответ", "otomatik yanıt", "自動応答", "自動返信", "自动回复",
        "자동 응답",
    ];

    private static readonly string[] BounceSubjects =
    [
        "undelivered mail returned to sender", "delivery status notification", "mail delivery failed", "undeliverable:",
        "returned mail:", "delivery failure", "failure notice", "mail delivery system", "unzustellbar", "non remis",
        "non recapitabile", "no se puede entregar", "onbestelbaar",
    ];

    public static MailNoise Detect(ParsedEmail email, string ourMessageIdDomain)
    {
        if (!string.IsNullOrEmpty(ourMessageIdDomain) && email.MessageId is { } id
            && id.EndsWith("@" + ourMessageIdDomain.Trim().TrimStart('@'), StringComparison.OrdinalIgnoreCase))
        {
            return new(MailNoiseKind.Loop, "Message-ID in our own domain");
        }

        var subject = (email.Subject ?? string.Empty).ToLowerInvariant();
        if (Bounce(email, subject) is { } bounce)
        {
            return new(MailNoiseKind.Bounce, bounce);
        }

        var auto = AutoSignal(email);
        if (OutOfOfficeSubjects.FirstOrDefault(subject.Contains) is { } phrase)
        {
            return new(MailNoiseKind.OutOfOffice, $"subject says \"{phrase}\"");
        }

        if (auto is not null)
        {
            return new(MailNoiseKind.AutoReply, auto);
        }

        if (email.Header("List-Id") is not null)
        {
            return new(MailNoiseKind.MailingList, "List-Id");
        }

        var precedence = email.Header("Precedence")?.Trim().ToLowerInvariant();
        switch (precedence)
        {
            case "list":
                return new(MailNoiseKind.MailingList, "Precedence: list");
            case "bulk" or "junk":
                return new(MailNoiseKind.Bulk, "Precedence: " + precedence);
        }

        if (email.Header("List-Unsubscribe") is not null)
        {
            return new(MailNoiseKind.Bulk, "List-Unsubscribe");
        }

        return MailNoise.None;
    }

    private static string? Bounce(ParsedEmail email, string subject)
    {
        if (email.DeliveryStatus is not null)
        {
            return "delivery status notification";
        }

        var local = email.From?.Address is { } a && a.IndexOf('@') is var at and > 0 ? a[..at].ToLowerInvariant() : null;
        if (local is "mailer-daemon" or "postmaster" or "mail-daemon" or "mailerdaemon")
        {
            return "sender is " + local;
        }

        var nullSender = email.Header("Return-Path")?.Replace(" ", string.Empty) == "<>";
        if (nullSender && BounceSubjects.Any(subject.Contains))
        {
            return "null sender with a delivery failure subject";
        }

        return null;
    }

    private static string? AutoSignal(ParsedEmail email)
    {
        var autoSubmitted = email.Header("Auto-Submitted")?.Trim();
        if (!string.IsNullOrEmpty(autoSubmitted) && !autoSubmitted.StartsWith("no", StringComparison.OrdinalIgnoreCase))
        {
            return "Auto-Submitted: " + autoSubmitted.Split(';')[0].Trim().ToLowerInvariant();
        }

        foreach (var name in (string[])["X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-Auto-Reply"])
        {
            if (email.Header(name) is { } value && !value.Trim().Equals("no", StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        var suppress = email.Header("X-Auto-Response-Suppress");
        if (suppress is not null && suppress.Split(',', ';').Any(t => t.Trim().ToLowerInvariant() is "all" or "oof" or "autoreply"))
        {
            return "X-Auto-Response-Suppress";
        }

        if (email.Header("Return-Path")?.Replace(" ", string.Empty) == "<>")
        {
            return "empty Return-Path";
        }

        return email.Header("Precedence")?.Trim().Equals("auto_reply", StringComparison.OrdinalIgnoreCase) == true
            ? "Precedence: auto_reply"
            : null;
    }
}
