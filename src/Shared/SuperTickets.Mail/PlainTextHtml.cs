using System.Net;
using System.Text;

namespace SuperTickets.Mail;

/// <summary>The HTML alternative of a plain-text body: escaped, paragraphs kept, links left as text.</summary>
public static class PlainTextHtml
{
    public static string From(string text)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif;font-size:14px;line-height:1.5\">");
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            html.Append("<p>")
                .Append(string.Join("<br>", paragraph.Split('\n').Select(WebUtility.HtmlEncode)))
                .Append("</p>");
        }
        return html.Append("</body></html>").ToString();
    }
}
