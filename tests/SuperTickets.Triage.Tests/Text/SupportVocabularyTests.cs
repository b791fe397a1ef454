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
}
