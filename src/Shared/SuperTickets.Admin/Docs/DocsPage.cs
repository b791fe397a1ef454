using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SuperTickets.Admin.Docs;

/// <summary>
/// <c>/docs</c>: a self-contained page (no external assets) that asks for an API key, fetches the OpenAPI
/// document with it and lists every path, method, parameter, body and schema. The page holds no data itself.
/// </summary>
internal static class DocsPage
{
    private static readonly string Html = Read("docs.html");
    private static readonly string Script = Read("docs.js");

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/docs", (HttpContext http) => Page(http, Html, "text/html; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/docs/docs.js", (HttpContext http) => Page(http, Script, "text/javascript; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
    }

    private static IResult Page(HttpContext http, string content, string type)
    {
        http.Response.Headers.ContentSecurityPolicy = "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Text(content, type);
    }

    private static string Read(string name)
    {
        using var stream = typeof(DocsPage).Assembly.GetManifestResourceStream("SuperTickets.Admin.Docs." + name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
