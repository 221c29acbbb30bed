using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Prow.Web.Components.Shared;
using Prow.Web.Jobs;
using Prow.Web.Logs;

namespace Prow.Web.Endpoints;

/// <summary>
/// <c>/spyglass/buildlog?prowjob=ID&amp;offset=O&amp;length=L[&amp;first=N][&amp;last=M]&amp;mode=all|top|bottom</c>: the
/// buildlog lens's callback, a skipped group of the log rendered as line groups that the job view swaps in for it.
/// </summary>
internal static class BuildLogLinesEndpoint
{
    public const string Path = "/spyglass/buildlog";

    public static string Url(string jobId, LogGroup skipped, ExpandMode mode)
    {
        ArgumentNullException.ThrowIfNull(skipped);
        var url = $"{Path}?prowjob={Uri.EscapeDataString(jobId)}&offset={skipped.Offset}&length={skipped.Length}";
        url += skipped.FirstLine is { } first ? $"&first={first}" : "";
        url += skipped.LastLine is { } last ? $"&last={last}" : "";
        return url + $"&mode={mode.ToString().ToLowerInvariant()}";
    }

    public static void MapBuildLogLines(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, async Task<IResult> (string? prowjob, long? offset, long? length, int? first, int? last, string? mode, JobFinder jobs, JobLogReader logs, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrEmpty(prowjob) || offset is not >= 0 || length is not >= 0 || !Enum.TryParse<ExpandMode>(mode ?? "all", ignoreCase: true, out var expand))
            {
                return Results.Text("give ?prowjob=ID&offset=O&length=L (O, L >= 0) and mode=all|top|bottom", statusCode: StatusCodes.Status400BadRequest);
            }

            if (await jobs.FindAsync(prowjob, cancellationToken) is not { } job)
            {
                return Results.Text("no such ProwJob", statusCode: StatusCodes.Status404NotFound);
            }

            var skipped = LogGroup.Skip(offset.Value, length.Value, first is > 0 ? first : null, last is > 0 ? last : null);
            if (await logs.ExpandBuildLogAsync(job, skipped, expand, cancellationToken) is not { } groups)
            {
                return Results.Text("the ProwJob has no build log", statusCode: StatusCodes.Status404NotFound);
            }

            return new RazorComponentResult<LogGroups>(new { JobId = job.Id, Groups = groups });
        });
}
