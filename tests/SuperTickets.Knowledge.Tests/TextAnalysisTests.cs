using SuperTickets.Knowledge.Text;

namespace SuperTickets.Knowledge.Tests;

public sealed class TextAnalysisTests
{
    private static List<string> Stems(string text)
    {
        var stems = new List<string>();
        TextAnalyzer.Analyze(text, stems);
        return stems;
    }

    [Theory]
    [InlineData("charge", "charges", "charged", "charging")]
    [InlineData("cancel", "cancels", "cancelled", "canceled")]
    [InlineData("delivery", "deliveries", "delivery", "delivery")]
    [InlineData("lock", "locked", "locking", "locks")]
    [InlineData("invoice", "invoices", "invoiced", "invoicing")]
    public void Inflected_forms_share_one_stem(string a, string b, string c, string d)
    {
        var stems = new[] { a, b, c, d }.Select(LightStemmer.Stem).Distinct().ToList();

        Assert.Single(stems);
    }

    [Fact]
    public void Text_is_lowercased_folded_split_on_non_letters_and_stripped_of_stop_words()
    {
        var stems = Stems("Why was my PAYMENT declined?! Política de reembolsos, Straße 2fa-code");

        Assert.Equal(["payment", "declin", "politica", "reembolso", "strass", "2fa", "cod"], stems);
    }

    [Fact]
    public void Unicode_letters_and_digits_form_tokens_in_any_script()
    {
        var stems = Stems("Kamera 相机 offline №5 — 429");

        Assert.Contains("相机", stems);
        Assert.Contains("429", stems);
        Assert.Contains("kamera", stems);
    }

    [Fact]
    public void Hashed_embedder_is_deterministic_unit_length_and_close_for_typos()
    {
        var embedder = new HashedTextEmbedder();
        var a = new float[embedder.Dimensions];
        var b = new float[embedder.Dimensions];
        var c = new float[embedder.Dimensions];
        var empty = new float[embedder.Dimensions];

        embedder.Embed("reset password link", a);
        embedder.Embed("reset password link", b);
        embedder.Embed("resett pasword link", c);
        embedder.Embed("the of and", empty);

        Assert.Equal(a, b);
        Assert.Equal(1.0, Math.Sqrt(a.Sum(x => (double)x * x)), 4);
        Assert.True(Dot(a, c) > 0.3, $"typo similarity {Dot(a, c):F2}");
        Assert.All(empty, x => Assert.Equal(0f, x));
    }

    private static double Dot(float[] x, float[] y) => x.Zip(y).Sum(p => (double)p.First * p.Second);
}
