using Prow.Config;
using Prow.Config.Jobs;
using Prow.GrainInterfaces.Tide;
using Prow.Grains.ProwJobs;

namespace Prow.Grains.Tide;

/// <summary>
/// Starts the ProwJobs a pool decided on: a retest of one pull request, or a batch over several. Ids derive from the
/// pool, base, heads and job, so deciding the same thing twice starts nothing new.
/// </summary>
public sealed class TideJobStarter(IGrainFactory grains, TimeProvider time)
{
    public async Task<IReadOnlyList<PoolJob>> RetestAsync(ConfigSnapshot config, IReadOnlyList<Presubmit> jobs, string org, string repo, string baseSha, PoolPullRequest pull)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(pull);
        var started = new List<PoolJob>();
        foreach (var job in jobs)
        {
            var request = new ProwJobRequest(job.Name, ProwJobType.Presubmit, ContextRequirements.ContextOf(job), org, repo, pull.BaseRef, baseSha, pull.Number, pull.HeadSha, pull.Author, "tide", ProwJobFactory.TideRetestReason, time.GetUtcNow());
            var id = ProwJobIds.For($"tide@{org}/{repo}@{baseSha}#{pull.Number}@{pull.HeadSha}", job.Name);
            started.Add(await CreateAsync(ProwJobFactory.Presubmit(config, job, request, id, time.GetUtcNow())));
        }

        return started;
    }

    public async Task<IReadOnlyList<PoolJob>> BatchAsync(ConfigSnapshot config, IReadOnlyList<Presubmit> jobs, string org, string repo, string branch, string baseSha, IReadOnlyList<PoolPullRequest> pulls)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(pulls);
        IReadOnlyList<ProwJobPull> refs = [.. pulls.Select(p => new ProwJobPull
        {
            Number = p.Number,
            Author = p.Author,
            Sha = p.HeadSha,
            Title = p.Title,
            Ref = p.HeadRef,
            Link = $"https://github.com/{org}/{repo}/pull/{p.Number}",
        })];
        var key = string.Join(',', pulls.Select(p => $"{p.Number}:{p.HeadSha}"));
        var started = new List<PoolJob>();
        foreach (var job in jobs)
        {
            var id = ProwJobIds.For($"tide-batch@{org}/{repo}@{baseSha}@{key}", job.Name);
            started.Add(await CreateAsync(ProwJobFactory.Batch(config, job, org, repo, branch, baseSha, refs, id, time.GetUtcNow())));
        }

        return started;
    }

    private async Task<PoolJob> CreateAsync(ProwJob job)
    {
        var created = await grains.GetGrain<IProwJobGrain>(job.Id).CreateAsync(job);
        return TideRouting.JobFor(created)!;
    }
}
