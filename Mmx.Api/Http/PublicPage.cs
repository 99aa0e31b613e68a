using System.Net;

namespace Mmx.Api.Http;

/// <summary>
/// The small public HTML cards behind QR codes (a user's /user/{id}, a shop's /shop/{sid}): a
/// picture, a heading and a few lines, every text HTML-encoded, and a policy under which nothing
/// on the page runs or loads but the picture.
/// </summary>
public static class PublicPage
{
    /// <param name="picture">An http(s) URL, else no picture.</param>
    /// <param name="pictureAttributes">The img's size (and style) attributes.</param>
    /// <param name="pictureStyle">CSS for img, e.g. a round portrait.</param>
    public static IResult Card(HttpContext context, string title, string picture, string pictureAttributes, string pictureStyle, params string[] lines)
    {
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src https: http:; style-src 'unsafe-inline'";
        var name = WebUtility.HtmlEncode(title);
        var image = picture.StartsWith("http", StringComparison.Ordinal)
            ? $"<img src=\"{WebUtility.HtmlEncode(picture)}\" alt=\"\" {pictureAttributes}>"
            : "";
        var paragraphs = string.Concat(lines.Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>"));
        var html = $$"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>{{name}} · 喵喵</title>
            <style>body{font-family:sans-serif;text-align:center;margin-top:3em}{{pictureStyle}}</style></head>
            <body>{{image}}<h1>{{name}}</h1>{{paragraphs}}</body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
