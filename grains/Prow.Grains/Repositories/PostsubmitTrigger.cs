using Prow.Clients.GitHub.Events;
using Prow.Config;
using Prow.Grains.ProwJobs;

namespace Prow.Grains.Repositories;

/// <summary>
/// Postsubmits for a push to a branch or a tag: every job whose branches match the branch or tag name and whose run_if_changed (if any) matches
/// the pushed files, run with that name as their base ref, as Prow's trigger does for release tags.
/// </summary>
public sealed class PostsubmitTrigger(IGrainFactory grains, TimeProvider time)
{
    private const string DeletedSha = "0000000000000000000000000000000000000000";

    public async Task<IReadOnlyList<string>> RunAsync(ConfigSnapshot config, PushEvent push, string deliveryId)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(push);
        if (push.Deleted || push.After == DeletedSha)
        {
            return [];
        }

        var branch = push.RefName;
        var (org, repo) = (push.Repository.Owner.Login, push.Repository.Name);
        IReadOnlyList<string> changes = [.. push.Commits.SelectMany(c => c.Added.Concat(c.Removed).Concat(c.Modified)).Distinct(StringComparer.Ordinal)];
        var started = new List<string>();
        foreach (var job in config.Jobs.PostsubmitsFor(org, repo).Where(p => p.ShouldRun(branch, () => changes)))
        {
            var id = ProwJobIds.For(deliveryId, job.Name);
            await grains.GetGrain<IProwJobGrain>(id).CreateAsync(ProwJobFactory.Postsubmit(config, job, org, repo, branch, push.After, id, time.GetUtcNow()));
            started.Add(job.Name);
        }

        return started;
    }
}
