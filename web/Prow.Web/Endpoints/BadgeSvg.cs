using System.Net;

namespace Prow.Web.Endpoints;

/// <summary>A two-part status badge ("build | passing") as SVG, sized from the text.</summary>
public static class BadgeSvg
{
    public static string Render(string label, string message, string colour)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(message);
        var left = 10 + (label.Length * 7);
        var right = 10 + (message.Length * 7);
        var (l, m) = (WebUtility.HtmlEncode(label), WebUtility.HtmlEncode(message));
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="{left + right}" height="20" role="img" aria-label="{l}: {m}">
            <title>{l}: {m}</title>
            <rect width="{left}" height="20" fill="#555"/><rect x="{left}" width="{right}" height="20" fill="{colour}"/>
            <g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">
            <text x="{left / 2}" y="14">{l}</text><text x="{left + (right / 2)}" y="14">{m}</text>
            </g>
            </svg>
            """;
    }
}
