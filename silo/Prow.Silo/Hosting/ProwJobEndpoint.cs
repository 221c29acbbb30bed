using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prow.Web.Jobs;

namespace Prow.Silo.Hosting;

/// <summary><c>/prowjob?prowjob=ID</c>: one ProwJob in Prow's JSON shape (commit statuses link to deck's page of the job, <c>/view/ID</c>).</summary>
internal static class ProwJobEndpoint
{
    public static void MapProwJob(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/prowjob", async (string? prowjob, JobFinder jobs, CancellationToken cancellationToken) =>
            string.IsNullOrEmpty(prowjob)
                ? Results.Text("give ?prowjob=ID", statusCode: StatusCodes.Status400BadRequest)
                : await jobs.FindAsync(prowjob, cancellationToken) is { } job
                    ? Results.Json(job)
                    : Results.Text("no such ProwJob", statusCode: StatusCodes.Status404NotFound));
}
