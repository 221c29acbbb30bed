using Prow.Config;
using Prow.GrainInterfaces.Tide;

namespace Prow.Grains.Tide;

/// <summary>Where tide-relevant facts go: only repositories some tide query covers have merge pools.</summary>
public static class TideRouting
{
    public static bool Covers(ConfigSnapshot config, string org, string repo)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Prow.Tide.Queries.Any(q => QueryMatch.Covers(q, org, repo));
    }

    public static IMergePoolGrain Pool(IGrainFactory grains, string org, string repo, string branch)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<IMergePoolGrain>(GrainKeys.MergePool(org, repo, branch));
    }

    /// <summary>Tells the job's pool (one-way) that a presubmit or batch job was created or ended.</summary>
    public static Task NotifyJobAsync(IGrainFactory grains, ConfigSnapshot config, ProwJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return JobFor(job) is { } poolJob && job.Spec.Refs is { } refs && Covers(config, refs.Org, refs.Repo)
            ? Pool(grains, refs.Org, refs.Repo, refs.BaseRef).OnJobAsync(poolJob)
            : Task.CompletedTask;
    }

    /// <summary>What the pool needs of a presubmit or batch job; null for other jobs or ones without a base commit.</summary>
    public static PoolJob? JobFor(ProwJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Spec is { Type: ProwJobType.Presubmit or ProwJobType.Batch, Refs: { BaseSha.Length: > 0, Pulls.Count: > 0 } refs }
            ? new PoolJob(
                job.Id,
                job.Spec.Job,
                job.Spec.Context is { Length: > 0 } context ? context : job.Spec.Job,
                job.Spec.Type,
                refs.BaseSha!,
                [.. refs.Pulls.Select(p => new PoolJobPull(p.Number, p.Sha))],
                job.Status.State,
                job.Metadata.Labels.ContainsKey(ProwJobs.ProwJobLabels.CreatedByTide),
                job.Status.State == ProwJobState.Success && ContextDescriptions.IsSkipRetest(job.Status.Description))
            : null;
    }

    /// <summary>A job's state as the status context it reports (aborted reads as failure, as on GitHub).</summary>
    public static string ContextState(string jobState) => jobState switch
    {
        ProwJobState.Success => "success",
        ProwJobState.Failure or ProwJobState.Aborted => "failure",
        ProwJobState.Error => "error",
        _ => "pending",
    };
}
