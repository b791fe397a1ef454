using SuperTickets.Triage.Text;

namespace SuperTickets.Triage.Tests.Text;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("en", "Hello, I ordered two cameras last week and they still have not arrived. Could you check where they are?")]
    [InlineData("en", "The thermostat keeps resetting itself every night.")]
    [InlineData("de", "Guten Tag, ich habe letzte Woche zwei Kameras bestellt und sie sind immer noch nicht angekommen.")]
    [InlineData("de", "Das Thermostat setzt sich jede Nacht von selbst zurück.")]
    [InlineData("fr", "Bonjour, j'ai commandé deux caméras la semaine dernière et elles ne sont toujours pas arrivées.")]
    [InlineData("fr", "Le thermostat se réinitialise tout seul chaque nuit.")]
    [InlineData("es", "Hola, pedí dos cámaras la semana pasada y todavía no han llegado. ¿Pueden revisar dónde están?")]
    [InlineData("es", "El termostato se reinicia solo todas las noches.")]
    [InlineData("pt", "Olá, encomendei duas câmaras na semana passada e ainda não chegaram. Podem verificar onde estão?")]
    [InlineData("pt", "O termóstato reinicia-se sozinho todas as noites.")]
    [InlineData("it", "Buongiorno, ho ordinato due telecamere la settimana scorsa e non sono ancora arrivate.")]
    [InlineData("it", "Il termostato si resetta da solo ogni notte.")]
    [InlineData("nl", "Hallo, ik heb vorige week twee camera's besteld en ze zijn nog steeds niet aangekomen.")]
    [InlineData("nl", "De thermostaat reset zichzelf elke nacht.")]
    [InlineData("en", "My subscription renewal failed because the bank blocked the transaction.")]
    [InlineData("de", "Meine Bestellung ist beschädigt angekommen, der Karton war völlig zerdrückt.")]
    [InlineData("fr", "Mon abonnement n'a pas été renouvelé car la banque a bloqué la transaction.")]
    [InlineData("es", "Mi pedido llegó dañado, la caja estaba completamente aplastada.")]
    [InlineData("pt", "A minha encomenda chegou danificada e a caixa estava completamente amassada.")]
    [InlineData("it", "Il mio ordine è arrivato danneggiato, la scatola era completamente schiacciata.")]
    [InlineData("nl", "Mijn bestelling is beschadigd aangekomen, de doos was helemaal geplet.")]
    [InlineData("ja", "先週カメラを二台注文しましたが、まだ届いていません。確認していただけますか。")]
    public void Held_out_sentences_are_recognized(string expected, string text)
    {
        var guess = LanguageDetector.Default.Detect(text);

        Assert.Equal(expected, guess.Language);
        Assert.True(guess.Confidence > 0.5f, $"confidence {guess.Confidence}");
    }

    [Fact]
    public void Text_without_letters_falls_back_to_english_with_zero_confidence()
    {
        Assert.Equal(new LanguageGuess("en", 0f), LanguageDetector.Default.Detect("12345 !!! 42"));
    }

    [Fact]
    public void Longer_text_is_detected_with_more_confidence_than_a_single_word()
    {
        var word = LanguageDetector.Default.Detect("Rechnung");
        var sentence = LanguageDetector.Default.Detect("Bitte schicken Sie mir die Rechnung für den letzten Monat noch einmal zu.");

        Assert.True(sentence.Confidence > word.Confidence);
        Assert.Equal("de", sentence.Language);
    }

    [Fact]
    public void Every_supported_language_is_listed()
    {
        Assert.Equal(["en", "de", "fr", "es", "pt", "it", "nl", "ja"], LanguageDetector.Languages);
    }
}
