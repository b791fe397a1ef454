using SuperTickets.Knowledge.Import;

namespace SuperTickets.Knowledge;

/// <summary>Reads articles from Markdown files with front matter (id, title, category, tags, language, updated).</summary>
public static class KbMarkdown
{
    /// <summary>
    /// Parses one article. <paramref name="fileName"/> is used in error messages and, when the front matter
    /// has no id, as the id (without directory and extension). Language defaults to "en". Throws
    /// <see cref="KbFormatException"/> naming the file and line for malformed front matter, a missing title
    /// or category, an invalid id, language or date, or an empty body.
    /// </summary>
    public static KbArticle Parse(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        var fm = FrontMatterReader.Read(fileName, lines);

        var fileId = Path.GetFileNameWithoutExtension(fileName);
        var (id, idLine) = fm.Scalars.GetValueOrDefault("id", (fileId, fm.EndLine));
        if (!KbFields.IsSlug(id))
        {
            throw new KbFormatException(fileName, idLine, $"id '{id}' must be a slug: lowercase letters, digits and hyphens");
        }

        var title = Required(fileName, fm, "title");
        var category = Required(fileName, fm, "category");
        if (!KbFields.IsCategory(category))
        {
            throw new KbFormatException(fileName, fm.Scalars["category"].Line, $"category '{category}' must be lowercase letters and underscores");
        }

        var (language, languageLine) = fm.Scalars.GetValueOrDefault("language", ("en", fm.EndLine));
        if (!KbFields.IsLanguage(language))
        {
            throw new KbFormatException(fileName, languageLine, $"language '{language}' must be an ISO 639-1 code such as en, de or es");
        }

        var updated = DateTimeOffset.UnixEpoch;
        if (fm.Scalars.TryGetValue("updated", out var u) && !KbFields.TryParseDate(u.Value, out updated))
        {
            throw new KbFormatException(fileName, u.Line, $"updated '{u.Value}' must be a date such as 2026-09-14");
        }

        var body = string.Join('\n', lines.Skip(fm.BodyStart)).Trim();
        if (body.Length == 0)
        {
            throw new KbFormatException(fileName, fm.EndLine, "the article body is empty");
        }

        var tags = fm.Tags?.Items ?? [];
        return new KbArticle(id, title, body, category, tags, language.ToLowerInvariant(), updated);
    }

    /// <summary>Parses every <c>*.md</c> file in <paramref name="directory"/>, ordered by file name.</summary>
    public static IReadOnlyList<KbArticle> LoadDirectory(string directory)
    {
        return Directory.EnumerateFiles(directory, "*.md")
            .Order(StringComparer.Ordinal)
            .Select(path => Parse(Path.GetFileName(path), File.ReadAllText(path)))
            .ToList();
    }

    private static string Required(string fileName, FrontMatter fm, string key)
    {
        if (!fm.Scalars.TryGetValue(key, out var entry))
        {
            throw new KbFormatException(fileName, fm.EndLine, $"front matter has no '{key}'");
        }

        if (entry.Value.Trim().Length == 0)
        {
            throw new KbFormatException(fileName, entry.Line, $"'{key}' is empty");
        }

        return entry.Value.Trim();
    }
}
