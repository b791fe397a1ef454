using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace SuperTickets.Knowledge.Tests;

public sealed class KbCsvPropertyTests
{
    private static readonly DateTimeOffset ImportedAt = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private static Gen<string> Text(string alphabet, int maxLength) =>
        Gen.Elements(alphabet.ToCharArray()).ListOf().Select(chars => new string([.. chars.Take(maxLength)]).Trim())
            .Where(s => s.Length > 0);

    private static readonly Gen<KbArticle> Articles =
        from id in Text("abcdefghijklmnopqrstuvwxyz0123456789", 12)
        from title in Text("abcxyz ,\"'é;-", 40)
        from body in Text("abc xyz,\"\n\t;é", 120)
        from tags in Text("abcdefg", 6).ListOf()
        select new KbArticle(id, title, body, "general", [.. tags.Take(4)], "en", ImportedAt);

    [Fact]
    public void Any_article_written_as_quoted_csv_reads_back_unchanged()
    {
        var property = Prop.ForAll(Articles.ListOf().ToArbitrary(), articles =>
        {
            var unique = articles.DistinctBy(a => a.Id).ToList();
            var parsed = KbCsv.Parse("generated.csv", ToCsv(unique), ImportedAt);

            return parsed.Count == unique.Count
                && parsed.Zip(unique).All(p =>
                    p.First.Id == p.Second.Id
                    && p.First.Title == p.Second.Title
                    && p.First.Body == p.Second.Body
                    && p.First.Tags.SequenceEqual(p.Second.Tags));
        });

        Check.QuickThrowOnFailure(property);
    }

    private static string ToCsv(IEnumerable<KbArticle> articles)
    {
        var sb = new StringBuilder("id,title,category,tags,language,body\r\n");
        foreach (var a in articles)
        {
            string[] fields = [a.Id, a.Title, a.Category, string.Join(';', a.Tags), a.Language, a.Body.Replace("\n", "\r\n")];
            sb.AppendJoin(',', fields.Select(f => "\"" + f.Replace("\"", "\"\"") + "\"")).Append("\r\n");
        }

        return sb.ToString();
    }
}
