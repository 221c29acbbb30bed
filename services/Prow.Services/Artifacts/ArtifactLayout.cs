using System.Globalization;

namespace Prow.Services.Artifacts;

/// <summary>
/// Prow's artifact paths (pod-utils gcs "legacy"/"explicit" strategy for the default org): presubmits under
/// <c>pr-logs/pull/&lt;org&gt;_&lt;repo&gt;/&lt;pr&gt;/&lt;job&gt;/&lt;build&gt;/</c>, everything else under
/// <c>logs/&lt;job&gt;/&lt;build&gt;/</c>; <c>latest-build.txt</c> beside the builds of a job.
/// </summary>
public static class ArtifactLayout
{
    public static string BuildFolder(ProwJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return $"{JobFolder(job)}/{job.Status.BuildId ?? throw new InvalidOperationException($"ProwJob {job.Id} has no build id yet.")}";
    }

    /// <summary>Where <c>latest-build.txt</c> goes: the folder holding this job's builds (for this pull request).</summary>
    public static string JobFolder(ProwJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var spec = job.Spec;
        if (spec.Type == ProwJobType.Presubmit && spec.Refs is { Pulls: [var pull, ..] } refs)
        {
            return $"pr-logs/pull/{refs.Org}_{refs.Repo}/{pull.Number.ToString(CultureInfo.InvariantCulture)}/{spec.Job}";
        }

        return $"logs/{spec.Job}";
    }

    /// <summary>Presubmits also keep a per-job index across pull requests, as Prow does.</summary>
    public static string? DirectoryFolder(ProwJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Spec.Type == ProwJobType.Presubmit ? $"pr-logs/directory/{job.Spec.Job}" : null;
    }
}
