using System.Buffers;
using System.Text;

namespace SuperTickets.Triage.Text;

/// <summary>
/// Bridges languages for the support classifiers: when text contains a known German, French, Spanish,
/// Portuguese, Italian, Dutch or Japanese support term, the English concept word is appended, so a model
/// trained mostly on English mail still sees the familiar word. Apply it to training and input text alike.
/// </summary>
public static class SupportVocabulary
{
    private static readonly (string Concept, string[] Terms)[] Concepts =
    [
        ("password", ["passwort", "kennwort", "contraseña", "mot de passe", "senha", "wachtwoord", "パスワード"]),
        ("login", ["anmelden", "einloggen", "iniciar sesión", "connexion", "connecter", "entrar", "accedere", "inloggen", "ログイン"]),
        ("account", ["konto", "cuenta", "compte", "conta ", "profilo"]),
        ("locked", ["gesperrt", "bloquead", "bloqué", "bloccat", "geblokkeerd"]),
        ("invoice", ["rechnung", "factura", "facture", "fatura", "fattura", "factuur", "請求書", "領収書"]),
        ("payment", ["zahlung", "abgebucht", "pago", "paiement", "pagamento", "betaling", "cobrado", "cobraron", "débité", "支払"]),
        ("card", ["kreditkarte", "tarjeta", "carte bancaire", "cartão", "carta di credito"]),
        ("refund", ["erstattung", "erstatten", "geld zurück", "reembolso", "remboursement", "rembourser", "rimborso", "terugbetaling", "返金"]),
        ("cancel", ["kündig", "cancelar", "annuler", "annullare", "disdire", "opzeggen", "解約"]),
        ("subscription", ["abonnement", "abo ", "suscripción", "assinatura", "abbonamento"]),
        ("return", ["zurückschicken", "rücksendung", "devolver", "devolución", "retourner", "retour", "restituire", "terugsturen"]),
        ("order", ["bestellung", "bestellt", "pedido", "commande", "encomenda", "ordine", "bestelling", "注文"]),
        ("delivery", ["lieferung", "liefer", "versand", "envío", "entrega", "livraison", "colis", "consegna", "pacco", "levering", "pakket", "paket", "paquete", "届"]),
        ("damaged", ["beschädigt", "kaputt", "dañado", "roto", "cassé", "endommagé", "danificad", "danneggiat", "beschadigd", "壊れ"]),
        ("customs", ["zoll", "aduana", "douane", "alfândega", "dogana"]),
        ("offline", ["desconectad", "hors ligne", "オフライン"]),
        ("crash", ["stürzt", "absturz", "se cierra", "plante", "si blocca", "crasht", "落ち"]),
        ("outage", ["ausgefallen", "ausfall", "störung", "caído", "en panne", "fuori servizio", "storing", "障害"]),
        ("bug", ["fehler", "fallo", "erreur", "errore", "erro ", "fout"]),
        ("feature", ["wäre toll", "wäre schön", "sería genial", "me gustaría", "ce serait bien", "pourriez-vous ajouter", "seria ótimo", "sarebbe utile", "sarebbe bello", "zou fijn zijn", "unterstützen sie", "añadir"]),
        ("complaint", ["beschwer", "unzufrieden", "frechheit", "queja", "molesto", "inaceptable", "réclamation", "mécontent", "inadmissible", "insatisfeit", "reclamação", "deluso", "reclamo", "klacht", "ontevreden"]),
        ("call", ["termin", "telefonat", "anruf", "llamada", "appel", "chiamata", "chamada", "reunión", "réunion", "riunione", "afspraak", "bellen"]),
        ("hours", ["erreichbar", "öffnungszeiten", "horario", "horaires", "orari", "openingstijden", "営業時間"]),
        ("privacy", ["datenschutz", "gespeichert", "privacidad", "almacenan", "données", "stockées", "dados", "gegevens"]),
        ("setup", ["einrichten", "richte", "configuro", "configurar", "installer", "configurare", "instellen"]),
        ("thanks", ["danke", "gracias", "merci", "obrigad", "grazie", "bedankt"]),
    ];

    /// <summary>Every term with the index of its concept.</summary>
    private static readonly (string Term, int Concept)[] Terms =
        Concepts.SelectMany((concept, index) => concept.Terms.Select(term => (term, index))).ToArray();

    /// <summary>All terms at once: one scan of the text finds where any of them may start.</summary>
    private static readonly SearchValues<string> AnyTerm =
        SearchValues.Create(Terms.Select(t => t.Term).Distinct().ToArray(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns <paramref name="text"/> followed by the English concept words for the foreign terms it contains.</summary>
    public static string Annotate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<bool> found = stackalloc bool[Concepts.Length];
        var any = false;
        var rest = text.AsSpan();
        for (var at = rest.IndexOfAny(AnyTerm); at >= 0; at = rest.IndexOfAny(AnyTerm))
        {
            rest = rest[at..];
            foreach (var (term, concept) in Terms)
            {
                if (!found[concept] && rest.StartsWith(term, StringComparison.OrdinalIgnoreCase))
                {
                    found[concept] = any = true;
                }
            }
            rest = rest[1..];
        }
        if (!any)
        {
            return text;
        }
        var annotated = new StringBuilder(text, text.Length + 64);
        for (var concept = 0; concept < Concepts.Length; concept++)
        {
            if (found[concept])
            {
                annotated.Append(' ').Append(Concepts[concept].Concept);
            }
        }
        return annotated.ToString();
    }
}
