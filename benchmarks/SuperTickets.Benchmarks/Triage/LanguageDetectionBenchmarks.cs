using BenchmarkDotNet.Attributes;
using SuperTickets.Triage.Text;

namespace SuperTickets.Benchmarks.Triage;

/// <summary>Language detection of one support message (character 1-3-gram naive Bayes), across the languages it knows.</summary>
[MemoryDiagnoser]
public class LanguageDetectionBenchmarks
{
    private readonly LanguageDetector _detector = LanguageDetector.Default;
    private readonly string[] _texts =
    [
        "Hi team, since 9:10 all our cameras at three sites show offline and the dashboard does not load. Production monitoring is affected, please help as soon as you can.",
        "Guten Tag, ich habe mein Passwort vergessen und die E-Mail zum Zurücksetzen kommt nicht an. Können Sie mir bitte helfen? Viele Grüße aus Hamburg",
        "Hola, mi pedido 48213 debía llegar el lunes y el seguimiento no se actualiza desde hace cinco días. ¿Pueden revisarlo, por favor? Gracias",
        "Bonjour, j'ai renvoyé la caméra il y a deux semaines et je n'ai toujours pas reçu mon remboursement. Merci de vérifier ma commande.",
        "Olá, a fatura de março veio com o valor duplicado e o cartão foi cobrado duas vezes. Podem corrigir e devolver a diferença? Obrigado",
        "Buongiorno, l'applicazione si chiude appena provo ad aggiungere un nuovo dispositivo. Ho già reinstallato tutto ma il problema resta.",
        "Goedemiddag, sinds de laatste update kan ik niet meer inloggen op mijn account. Ik krijg steeds een foutmelding. Kunnen jullie helpen?",
        "Could we schedule a call next week to discuss rolling out forty hubs across our offices? We also have a few questions about data retention and invoices.",
    ];

    [Benchmark(OperationsPerInvoke = 8, Description = "Detect the language of one message")]
    public float Detect()
    {
        var confidence = 0f;
        foreach (var text in _texts) confidence += _detector.Detect(text).Confidence;
        return confidence;
    }
}
