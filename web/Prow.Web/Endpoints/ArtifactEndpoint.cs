using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Prow.Web.Jobs;
using Prow.Web.Logs;

namespace Prow.Web.Endpoints;

/// <summary>
/// <c>/artifact?prowjob=ID&amp;name=NAME</c>: one of a job's artifacts, streamed from the store with range support
/// (text as text, JSON as JSON, the rest as a download), or, when NAME is a folder of the build, its listing.
/// </summary>
internal static class ArtifactEndpoint
{
    public static void MapArtifacts(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/artifact", async (string? prowjob, string? name, HttpContext context, JobFinder jobs, JobLogReader logs, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrEmpty(prowjob) || string.IsNullOrEmpty(name))
            {
                return Results.Text("give ?prowjob=ID&name=ARTIFACT", statusCode: StatusCodes.Status400BadRequest);
            }

            if (await jobs.FindAsync(prowjob, cancellationToken) is not { } job)
            {
                return Results.Text("no such ProwJob", statusCode: StatusCodes.Status404NotFound);
            }

            name = name.Trim('/');
            if (logs.Locate(job, name) is not { } at)
            {
                return Results.Text("the ProwJob has no such artifact", statusCode: StatusCodes.Status404NotFound);
            }

            if (await at.Store.SizeAsync(at.Path, cancellationToken) is { } size)
            {
                await StreamAsync(context, at.Store, at.Path, name, size, cancellationToken);
                return Results.Empty;
            }

            var entries = await at.Store.ListAsync(at.Path, cancellationToken);
            return entries.Count == 0
                ? Results.Text("the ProwJob has no such artifact", statusCode: StatusCodes.Status404NotFound)
                : Results.Content(await ListingAsync(job.Id, name, at.Store, at.Path, entries, cancellationToken), "text/html; charset=utf-8");
        });

    private static async Task StreamAsync(HttpContext context, Services.Artifacts.IArtifactStore store, string path, string name, long size, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.Headers.AcceptRanges = "bytes";
        response.ContentType = ContentTypeOf(name);
        if (response.ContentType == "application/octet-stream")
        {
            response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = name.Split('/')[^1] }.ToString();
        }

        var (offset, length) = (0L, size);
        if (RangeOf(context.Request, size) is { } range)
        {
            if (range.Length <= 0)
            {
                response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
                response.Headers.ContentRange = $"bytes */{size}";
                return;
            }

            (offset, length) = range;
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = $"bytes {offset}-{offset + length - 1}/{size}";
        }

        response.ContentLength = length;
        await store.CopyRangeToAsync(path, offset, length, response.Body, cancellationToken);
    }

    /// <summary>One range of <c>Range: bytes=a-b</c>, <c>a-</c> or <c>-n</c>; null to send it all (no header, several ranges, or not bytes).</summary>
    private static (long Offset, long Length)? RangeOf(HttpRequest request, long size)
    {
        if (!RangeHeaderValue.TryParse(request.Headers.Range.ToString(), out var header)
            || !string.Equals(header.Unit.Value, "bytes", StringComparison.OrdinalIgnoreCase) || header.Ranges.Count != 1)
        {
            return null;
        }

        var range = header.Ranges.First();
        if (range.From is { } from)
        {
            var to = Math.Min(range.To ?? size - 1, size - 1);
            return from >= size ? (0, 0) : (from, to - from + 1);
        }

        var last = Math.Min(range.To ?? 0, size);
        return (size - last, last);
    }

    private static string ContentTypeOf(string name) =>
        Path.GetExtension(name) switch
        {
            ".txt" or ".log" => "text/plain; charset=utf-8",
            ".json" => "application/json",
            ".xml" => "text/xml; charset=utf-8",
            ".html" or ".htm" => "text/plain; charset=utf-8",
            ".out" or ".yaml" or ".yml" or ".md" => "text/plain; charset=utf-8",
            _ => "application/octet-stream",
        };

    /// <summary>A gcsweb-like page of a build's folder: its entries with sizes, folders first linking to their own listing.</summary>
    private static async Task<string> ListingAsync(string jobId, string folder, Services.Artifacts.IArtifactStore store, string path, IReadOnlyList<string> entries, CancellationToken cancellationToken)
    {
        var html = new StringBuilder();
        var title = WebUtility.HtmlEncode(folder);
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}/</title><link rel=\"stylesheet\" href=\"/static/deck.css\"></head><body><main>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{title}/</h1><p><a href=\"/view/{Uri.EscapeDataString(jobId)}\">Back to the job</a>");
        if (folder.Contains('/', StringComparison.Ordinal))
        {
            html.Append(CultureInfo.InvariantCulture, $" · <a href=\"{WebUtility.HtmlEncode(JobLogReader.ArtifactUrl(jobId, folder[..folder.LastIndexOf('/')]))}\">Up</a>");
        }

        html.Append("</p><table class=\"artifacts\" aria-label=\"Artifacts\"><thead><tr><th>Name</th><th>Size</th></tr></thead><tbody>");
        foreach (var entry in entries)
        {
            var size = await store.SizeAsync($"{path}/{entry}", cancellationToken);
            var label = WebUtility.HtmlEncode(size is null ? entry + "/" : entry);
            var href = WebUtility.HtmlEncode(JobLogReader.ArtifactUrl(jobId, $"{folder}/{entry}"));
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"{href}\">{label}</a></td><td>{(size is { } bytes ? ArtifactSize.Format(bytes) : "-")}</td></tr>");
        }

        html.Append("</tbody></table></main></body></html>");
        return html.ToString();
    }
}
