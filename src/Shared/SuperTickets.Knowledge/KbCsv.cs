using SuperTickets.Knowledge.Import;

namespace SuperTickets.Knowledge;

/// <summary>
/// Imports articles from CSV (RFC 4180) with a header row naming the columns <c>id, title, category, tags,
/// language, body</c> in any order (case-insensitive), plus an optional <c>updated</c> column. Tags are
/// separated by semicolons; an empty language means "en".
/// </summary>
public static class KbCsv
{
    private static readonly string[] RequiredColumns = ["id", "title", "category", "tags", "language", "body"];

    /// <summary>
    /// Reads all articles. Rows without an <c>updated</c> value get <paramref name="importedAt"/>. Throws
    /// <see cref="KbFormatException"/> naming <paramref name="fileName"/> and the row's line for a missing
    /// column, a wrong field count, an invalid value or a duplicate id.
    /// </summary>
    public static IReadOnlyList<KbArticle> Read(string fileName, TextReader reader, DateTimeOffset importedAt)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(reader);
        var records = new CsvRecordReader(reader, fileName);
        if (!records.TryRead(out var header, out var headerLine))
        {
            throw new KbFormatException(fileName, 1, "the file is empty; expected a header row");
        }

        var columns = header.Select((name, i) => (Name: name.Trim().ToLowerInvariant(), Index: i))
            .GroupBy(c => c.Name)
            .ToDictionary(g => g.Key, g => g.First().Index);
        var missing = RequiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new KbFormatException(fileName, headerLine, $"header lacks column(s): {string.Join(", ", missing)}");
        }

        var articles = new List<KbArticle>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (records.TryRead(out var fields, out var line))
        {
            if (fields.Count != header.Count)
            {
                throw new KbFormatException(fileName, line, $"expected {header.Count} fields but found {fields.Count}");
            }

            var article = ToArticle(fileName, line, columns, fields, importedAt);
            if (!ids.Add(article.Id))
            {
                throw new KbFormatException(fileName, line, $"duplicate id '{article.Id}'");
            }

            articles.Add(article);
        }

        return articles;
    }

    /// <summary>Reads all articles from CSV text; see <see cref="Read"/>.</summary>
    public static IReadOnlyList<KbArticle> Parse(string fileName, string text, DateTimeOffset importedAt) =>
        Read(fileName, new StringReader(text), importedAt);

    private static KbArticle ToArticle(string fileName, int line, Dictionary<string, int> columns, List<string> fields, DateTimeOffset importedAt)
    {
        string Field(string name) => fields[columns[name]].Trim();

        var id = Field("id");
        if (!KbFields.IsSlug(id))
        {
            throw new KbFormatException(fileName, line, $"id '{id}' must be a slug: lowercase letters, digits and hyphens");
        }

        var title = Field("title");
        var category = Field("category");
        var body = fields[columns["body"]].Trim();
        if (title.Length == 0 || body.Length == 0)
        {
            throw new KbFormatException(fileName, line, $"article '{id}' needs a title and a body");
        }

        if (!KbFields.IsCategory(category))
        {
            throw new KbFormatException(fileName, line, $"category '{category}' must be lowercase letters and underscores");
        }

        var language = Field("language");
        language = language.Length == 0 ? "en" : language.ToLowerInvariant();
        if (!KbFields.IsLanguage(language))
        {
            throw new KbFormatException(fileName, line, $"language '{language}' must be an ISO 639-1 code such as en, de or es");
        }

        var updated = importedAt;
        if (columns.TryGetValue("updated", out var u) && fields[u].Trim().Length > 0 && !KbFields.TryParseDate(fields[u].Trim(), out updated))
        {
            throw new KbFormatException(fileName, line, $"updated '{fields[u].Trim()}' must be a date such as 2026-09-14");
        }

        var tags = Field("tags").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new KbArticle(id, title, body.ReplaceLineEndings("\n"), category, tags, language, updated);
    }
}
