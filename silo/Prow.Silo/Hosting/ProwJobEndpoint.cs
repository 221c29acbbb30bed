using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Services.JobIndex;

namespace Prow.Silo.Hosting;

/// <summary><c>/prowjob?prowjob=ID</c>: one ProwJob in Prow's JSON shape (commit statuses link to deck's page of the job, <c>/view/ID</c>).</summary>
internal static class ProwJobEndpoint
{
    public static void MapProwJob(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/prowjob", async (string? prowjob, IGrainFactory grains, IProwJobIndex index, CancellationToken cancellationToken) =>
            string.IsNullOrEmpty(prowjob)
                ? Results.Text("give ?prowjob=ID", statusCode: StatusCodes.Status400BadRequest)
                : (await grains.GetGrain<IProwJobGrain>(prowjob).GetAsync() ?? await index.GetAsync(prowjob, cancellationToken)) is { } job
                    ? Results.Json(job)
                    : Results.Text("no such ProwJob", statusCode: StatusCodes.Status404NotFound));
}
