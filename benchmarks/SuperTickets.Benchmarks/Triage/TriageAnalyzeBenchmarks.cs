using BenchmarkDotNet.Attributes;
using SuperTickets.Triage;

namespace SuperTickets.Benchmarks.Triage;

/// <summary>Full triage of one email: classifiers, language, sentiment, meeting detection, alerts and priority.</summary>
[MemoryDiagnoser]
public class TriageAnalyzeBenchmarks
{
    private static readonly string[] Alerts = ["gdpr", "lawsuit", "data breach", "chargeback"];
    private TriageAnalyzer _analyzer = null!;
    private TriageInput[] _emails = [];

    [GlobalSetup]
    public void Setup()
    {
        _analyzer = DefaultSupportModel.Create();
        _emails =
        [
            Email("Everything is down", "Hi team,\n\nsince 9:10 all our cameras at three sites show offline and the dashboard does not load. Production monitoring is affected, please help ASAP.\n\nThanks,\nOps"),
            Email("Invoice copy", "Hello, could you send me a copy of the March invoice? Our accountant needs it for the quarterly report. Kind regards"),
            Email("Passwort vergessen", "Guten Tag, ich habe mein Passwort vergessen und die E-Mail zum Zurücksetzen kommt nicht an. Können Sie mir helfen? Viele Grüße"),
            Email("Pedido", "Hola, mi pedido 48213 debía llegar el lunes y el seguimiento no se actualiza desde hace cinco días. ¿Pueden revisarlo? Gracias"),
            Email("Unacceptable", "This is the third time I am writing about the same problem and nobody answers. Terrible service. If I don't hear back today I will file a chargeback."),
            Email("Rollout call", "Could we schedule a call next week to discuss rolling out 40 hubs across our offices? We also have GDPR questions."),
            Email("Idea", "It would be great if the app had a dark mode and a widget for the Android home screen."),
            Email("Remboursement", "Bonjour, j'ai renvoyé la caméra il y a deux semaines et je n'ai toujours pas reçu mon remboursement. Merci de vérifier."),
        ];
    }

    [Benchmark(OperationsPerInvoke = 8, Description = "Analyze one email")]
    public int Analyze()
    {
        var urgent = 0;
        foreach (var email in _emails)
            if (_analyzer.Analyze(email).Priority == Priority.Urgent) urgent++;
        return urgent;
    }

    private static TriageInput Email(string subject, string body) => new(subject, body, "example.com", false, 0, Alerts);
}
