using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SuperTickets.Mail.Parsing;

/// <summary>Converts HTML to readable plain text: block structure kept as line breaks, scripts and styles dropped.</summary>
internal static class HtmlText
{
    private const int MaxNodes = 200_000;

    [ThreadStatic]
    private static HtmlParser? _parser;

    public static string ToText(string html)
    {
        _parser ??= new HtmlParser();
        using var document = _parser.ParseDocument(html);
        var sb = new StringBuilder(html.Length / 2);
        var budget = MaxNodes;
        Walk(document.Body ?? (INode?)document.DocumentElement, sb, false, ref budget);
        return Tidy(sb);
    }

    private static void Walk(INode? node, StringBuilder sb, bool pre, ref int budget)
    {
        for (var child = node?.FirstChild; child is not null && budget-- > 0; child = child.NextSibling)
        {
            if (child is IText text)
            {
                AppendText(sb, text.Data, pre);
                continue;
            }

            if (child is not IElement element)
            {
                continue;
            }

            var name = element.LocalName;
            switch (name)
            {
                case "script" or "style" or "head" or "title" or "noscript" or "template":
                    continue;
                case "br":
                    sb.Append('\n');
                    continue;
                case "hr":
                    NewLine(sb);
                    sb.Append("---\n");
                    continue;
                case "img":
                    continue;
            }

            var block = IsBlock(name);
            if (block)
            {
                NewLine(sb);
            }

            if (name == "li")
            {
                sb.Append("- ");
            }

            Walk(element, sb, pre || name == "pre", ref budget);
            if (name is "td" or "th")
            {
                sb.Append(' ');
            }

            if (block)
            {
                NewLine(sb);
                if (name is "p" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "table" or "blockquote")
                {
                    sb.Append('\n');
                }
            }
        }
    }

    private static bool IsBlock(string name) => name is "p" or "div" or "li" or "ul" or "ol" or "tr" or "table" or "h1" or "h2"
        or "h3" or "h4" or "h5" or "h6" or "blockquote" or "pre" or "section" or "article" or "header" or "footer" or "dl"
        or "dt" or "dd" or "address" or "center" or "form" or "fieldset" or "nav" or "aside" or "main" or "figure";

    private static void AppendText(StringBuilder sb, string text, bool pre)
    {
        if (pre)
        {
            sb.Append(text);
            return;
        }

        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                if (sb.Length > 0 && sb[^1] is not (' ' or '\n'))
                {
                    sb.Append(' ');
                }
            }
            else
            {
                sb.Append(c);
            }
        }
    }

    private static void NewLine(StringBuilder sb)
    {
        while (sb.Length > 0 && sb[^1] == ' ')
        {
            sb.Length--;
        }

        if (sb.Length > 0 && sb[^1] != '\n')
        {
            sb.Append('\n');
        }
    }

    private static string Tidy(StringBuilder sb)
    {
        var result = new StringBuilder(sb.Length);
        var newlines = 0;
        foreach (var line in sb.ToString().Split('\n'))
        {
            var trimmed = line.TrimEnd();
            if (trimmed.Length == 0)
            {
                newlines++;
                continue;
            }

            if (result.Length > 0)
            {
                result.Append(newlines > 1 ? "\n\n" : "\n");
            }

            result.Append(trimmed.TrimStart(' '));
            newlines = 1;
        }

        return result.ToString();
    }
}
