using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Services.JobIndex;

namespace Prow.Web.Endpoints;

/// <summary>
/// <c>/badge.svg?jobs=a,b</c>: "passing" when the latest finished run of every named job succeeded, otherwise "failing"
/// with the failing jobs named; "no results" when none has finished.
/// </summary>
internal static class BadgeEndpoint
{
    /// <summary>How far back to look for a job's latest finished run past runs still going.</summary>
    private const int RunsToScan = 20;

    public static void MapBadge(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/badge.svg", async (string? jobs, IProwJobIndex index, HttpContext context) =>
        {
            var names = (jobs ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (names.Length == 0)
            {
                return Results.Text("missing jobs query parameter (give ?jobs=name[,name...])", statusCode: StatusCodes.Status400BadRequest);
            }

            var failing = new List<string>();
            var finished = 0;
            foreach (var name in names)
            {
                var runs = await index.QueryAsync(new ProwJobQuery { Job = name, Limit = RunsToScan }, context.RequestAborted);
                if (runs.Jobs.FirstOrDefault(j => ProwJobState.IsFinal(j.State)) is { } latest)
                {
                    finished++;
                    if (latest.State != ProwJobState.Success)
                    {
                        failing.Add(name);
                    }
                }
            }

            var (message, colour) = finished == 0 ? ("no results", "#9f9f9f")
                : failing.Count == 0 ? ("passing", "#4c1")
                : ($"failing {string.Join(", ", failing)}", "#e05d44");
            context.Response.Headers.CacheControl = "no-cache";
            return Results.Text(BadgeSvg.Render("build", message, colour), "image/svg+xml");
        });
}
