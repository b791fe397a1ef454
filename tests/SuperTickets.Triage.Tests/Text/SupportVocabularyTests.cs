using SuperTickets.Triage.Text;

namespace SuperTickets.Triage.Tests.Text;

public sealed class SupportVocabularyTests
{
    [Fact]
    public void Foreign_support_terms_gain_their_english_concepts()
    {
        Assert.Equal("Mein Passwort und die Rechnung password invoice", SupportVocabulary.Annotate("Mein Passwort und die Rechnung"));
    }

    [Fact]
    public void Text_without_known_terms_is_returned_unchanged()
    {
        const string text = "Where is my parcel?";
        Assert.Same(text, SupportVocabulary.Annotate(text));
    }

    [Theory]
    [InlineData("Bitte ERSTATTEN Sie die RECHNUNG", "Bitte ERSTATTEN Sie die RECHNUNG invoice refund")] // concepts in list order, any case
    [InlineData("Je voudrais être remboursé, rembourser la facture", "Je voudrais être remboursé, rembourser la facture invoice refund")]
    [InlineData("Die Rechnung kam, noch eine Rechnung", "Die Rechnung kam, noch eine Rechnung invoice")] // a concept once
    [InlineData("パスワードを忘れました", "パスワードを忘れました password")]
    [InlineData("endet mit Zoll", "endet mit Zoll customs")] // a term at the very end
    [InlineData("Kündigung und Abbuchung: abgebucht", "Kündigung und Abbuchung: abgebucht payment cancel")]
    public void Every_term_is_found_wherever_it_stands(string text, string expected)
    {
        Assert.Equal(expected, SupportVocabulary.Annotate(text));
    }
}
