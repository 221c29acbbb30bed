using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prow.Web.Jobs;
using Prow.Web.Logs;

namespace Prow.Web.Endpoints;

/// <summary><c>/artifact?prowjob=ID&amp;name=NAME</c>: one of a job's artifacts, raw (text as text, the rest as a download).</summary>
internal static class ArtifactEndpoint
{
    public static void MapArtifacts(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/artifact", async (string? prowjob, string? name, JobFinder jobs, JobLogReader logs, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrEmpty(prowjob) || string.IsNullOrEmpty(name))
            {
                return Results.Text("give ?prowjob=ID&name=ARTIFACT", statusCode: StatusCodes.Status400BadRequest);
            }

            if (await jobs.FindAsync(prowjob, cancellationToken) is not { } job)
            {
                return Results.Text("no such ProwJob", statusCode: StatusCodes.Status404NotFound);
            }

            var content = await logs.ReadArtifactAsync(job, name, cancellationToken);
            if (content is null)
            {
                return Results.Text("the ProwJob has no such artifact", statusCode: StatusCodes.Status404NotFound);
            }

            return name.EndsWith(".txt", StringComparison.Ordinal) || name.EndsWith(".log", StringComparison.Ordinal)
                ? Results.Bytes(content, "text/plain; charset=utf-8")
                : name.EndsWith(".json", StringComparison.Ordinal)
                    ? Results.Bytes(content, "application/json")
                    : Results.Bytes(content, "application/octet-stream", name);
        });
}
