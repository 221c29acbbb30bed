using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Prow.Web.Endpoints;

/// <summary><c>/static/deck.css</c>, <c>/static/live.js</c> and <c>/static/buildlog.js</c>, from the assembly (plain files: no build step, no npm).</summary>
internal static class StaticAssetEndpoint
{
    private static readonly Dictionary<string, (byte[] Content, string ContentType)> s_assets = new(StringComparer.Ordinal)
    {
        ["deck.css"] = (Load("deck.css"), "text/css; charset=utf-8"),
        ["live.js"] = (Load("live.js"), "application/javascript; charset=utf-8"),
        ["buildlog.js"] = (Load("buildlog.js"), "application/javascript; charset=utf-8"),
    };

    public static void MapStaticAssets(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/static/{name}", (string name, HttpContext context) =>
        {
            if (!s_assets.TryGetValue(name, out var asset))
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Bytes(asset.Content, asset.ContentType);
        });

    private static byte[] Load(string name)
    {
        using var stream = typeof(StaticAssetEndpoint).Assembly.GetManifestResourceStream($"Prow.Web.Assets.{name}")
            ?? throw new InvalidOperationException($"The asset {name} is not embedded in Prow.Web.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
