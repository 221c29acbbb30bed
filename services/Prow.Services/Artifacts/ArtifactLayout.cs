using System.Globalization;

namespace Prow.Services.Artifacts;

/// <summary>
/// Prow's artifact paths (pod-utils' gcs targets and gcsupload): presubmits under
/// <c>[path_prefix/]pr-logs/pull/&lt;repo segment&gt;/&lt;pr&gt;/&lt;job&gt;/&lt;build&gt;/</c>, batches under
/// <c>pr-logs/pull/batch/&lt;job&gt;/&lt;build&gt;/</c>, postsubmits and periodics under <c>logs/&lt;job&gt;/&lt;build&gt;/</c>;
/// the repository segment follows the job's <c>path_strategy</c>. <c>latest-build.txt</c> and the presubmit alias
/// in <c>pr-logs/directory/</c> sit at the bucket's root, without the path prefix, as gcsupload writes them.
/// </summary>
public static class ArtifactLayout
{
    public static string BuildFolder(ProwJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var gcs = GcsConfiguration.Of(job);
        var path = Join(JobFolder(job, gcs), BuildId(job));
        return Join(gcs.PathPrefix, path);
    }

    /// <summary>Every <c>latest-build.txt</c> Prow keeps for this job.</summary>
    public static IReadOnlyList<string> LatestBuildPaths(ProwJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var spec = job.Spec;
        return spec.Type switch
        {
            ProwJobType.Presubmit when PullOf(job) is { } pull =>
                [$"pr-logs/directory/{spec.Job}/latest-build.txt", Join(PullFolder(job, GcsConfiguration.Of(job), pull), spec.Job, "latest-build.txt")],
            ProwJobType.Presubmit or ProwJobType.Batch => [$"pr-logs/directory/{spec.Job}/latest-build.txt"],
            _ => [$"logs/{spec.Job}/latest-build.txt"],
        };
    }

    /// <summary>A presubmit's alias, <c>pr-logs/directory/&lt;job&gt;/&lt;build&gt;.txt</c>, holding the build folder's full address; null for other jobs.</summary>
    public static string? AliasPath(ProwJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Spec.Type == ProwJobType.Presubmit ? $"pr-logs/directory/{job.Spec.Job}/{BuildId(job)}.txt" : null;
    }

    /// <summary>The store holding this job's artifacts: <paramref name="store"/> on the bucket the job's gcs_configuration names.</summary>
    public static IArtifactStore StoreFor(IArtifactStore store, ProwJob job)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.ForBucket(GcsConfiguration.Of(job).Bucket);
    }

    private static string JobFolder(ProwJob job, GcsConfiguration gcs)
    {
        var spec = job.Spec;
        return spec.Type switch
        {
            ProwJobType.Presubmit when PullOf(job) is { } pull => Join(PullFolder(job, gcs, pull), spec.Job),
            ProwJobType.Batch => $"pr-logs/pull/batch/{spec.Job}",
            _ => $"logs/{spec.Job}",
        };
    }

    private static string PullFolder(ProwJob job, GcsConfiguration gcs, int pull) =>
        Join("pr-logs/pull", gcs.RepoSegment(job.Spec.Refs!.Org, job.Spec.Refs.Repo), pull.ToString(CultureInfo.InvariantCulture));

    private static int? PullOf(ProwJob job) => job.Spec.Refs is { Pulls: [var pull, ..] } ? pull.Number : null;

    private static string BuildId(ProwJob job) =>
        job.Status.BuildId ?? throw new InvalidOperationException($"ProwJob {job.Id} has no build id yet.");

    /// <summary>Go's path.Join for these relative paths: empty parts vanish.</summary>
    private static string Join(params string[] parts) => string.Join('/', parts.Where(p => p.Length > 0));
}
