using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Prow.FakeGitHub;

/// <summary>GitHub-style pagination: <c>page</c>/<c>per_page</c> (default 30, max 100) and a Link header.</summary>
internal static class Paging
{
    public const string LinkBaseKey = "fake-github-link-base";

    public static IReadOnlyList<T> Page<T>(HttpContext context, IReadOnlyList<T> items)
    {
        var query = context.Request.Query;
        var perPage = Math.Clamp(Int(query["per_page"], 30), 1, 100);
        var page = Math.Max(1, Int(query["page"], 1));
        var last = Math.Max(1, (items.Count + perPage - 1) / perPage);
        var links = new List<string>();
        if (page < last)
        {
            links.Add($"<{Url(context, page + 1)}>; rel=\"next\"");
            links.Add($"<{Url(context, last)}>; rel=\"last\"");
        }

        if (page > 1)
        {
            links.Add($"<{Url(context, 1)}>; rel=\"first\"");
            links.Add($"<{Url(context, page - 1)}>; rel=\"prev\"");
        }

        if (links.Count > 0)
        {
            context.Response.Headers.Link = string.Join(", ", links);
        }

        return [.. items.Skip((page - 1) * perPage).Take(perPage)];
    }

    private static string Url(HttpContext context, int page)
    {
        var parameters = context.Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.Ordinal);
        parameters["page"] = page.ToString(CultureInfo.InvariantCulture);
        var request = context.Request;
        var origin = context.Items[LinkBaseKey] is Uri linkBase ? linkBase.GetLeftPart(UriPartial.Authority) : $"{request.Scheme}://{request.Host}";
        return QueryHelpers.AddQueryString($"{origin}{request.PathBase}{request.Path}", parameters);
    }

    private static int Int(string? value, int fallback) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : fallback;
}
