using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Services.Artifacts;
using Prow.Services.JobIndex;
using Prow.Web.Jobs;

namespace Prow.Web.Endpoints;

/// <summary>
/// <c>/view/gs/&lt;bucket&gt;/&lt;build folder&gt;</c> (or <c>s3</c>): a job's page under the address Prow's spyglass uses, which
/// commit statuses link to when <c>plank.job_url_prefix_config</c> is set. It redirects to the job's own page: the job
/// is the one of that name and build id whose artifacts live at that path, else the one named by the folder's <c>prowjob.json</c>.
/// </summary>
internal static class StoragePathViewEndpoint
{
    private const int JobsSearched = 1000;

    public static void MapStoragePathView(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/view/{provider:regex(^(gs|s3)$)}/{bucket}/{**path}", async (string provider, string bucket, string path, IProwJobIndex index, IArtifactStore store, CancellationToken cancellationToken) =>
        {
            var folder = path.Trim('/');
            var parts = folder.Split('/');
            if (parts.Length < 2)
            {
                return Results.NotFound($"{folder} is not a build's folder");
            }

            var (job, build) = (parts[^2], parts[^1]);
            var candidates = await index.ListJobsAsync(new ProwJobQuery { Job = job, Limit = JobsSearched }, cancellationToken);
            if (candidates.FirstOrDefault(j => j.Status.BuildId == build && Matches(j, provider, bucket, folder)) is { } found)
            {
                return Results.Redirect(JobLinks.View(found.Id));
            }

            var stored = await store.ForBucket($"{provider}://{bucket}").ReadAsync($"{folder}/prowjob.json", cancellationToken);
            if (stored is not null && IdOf(stored) is { } id)
            {
                return Results.Redirect(JobLinks.View(id));
            }

            return Results.NotFound($"no job's artifacts are at {provider}/{bucket}/{folder}");
        });

    private static bool Matches(ProwJob job, string provider, string bucket, string folder)
    {
        var gcs = GcsConfiguration.Of(job);
        return ArtifactLayout.BuildFolder(job) == folder && (gcs.BucketName is null || (gcs.BucketName == bucket && gcs.Provider == provider));
    }

    private static string? IdOf(byte[] prowJobJson)
    {
        try
        {
            using var doc = JsonDocument.Parse(prowJobJson);
            return doc.RootElement.TryGetProperty("metadata", out var meta) && meta.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                ? name.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
