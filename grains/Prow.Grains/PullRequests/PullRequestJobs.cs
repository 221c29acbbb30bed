using Prow.Clients.GitHub.Events;
using Prow.Config;
using Prow.Grains.ProwJobs;

namespace Prow.Grains.PullRequests;

/// <summary>
/// Turns a pull request's job requests into ProwJobs: a job already running for the same commit is not started
/// twice, and a new push (or closing the pull request) aborts what runs for the old commit. A request with an outcome
/// (an override) becomes a job that has already ended that way.
/// </summary>
public sealed class PullRequestJobs(IGrainFactory grains, TimeProvider time)
{
    public const string AbortedByPush = "Aborted by trigger plugin.";

    public async Task<List<TrackedJob>> ApplyAsync(ConfigSnapshot config, GitHubEvent? gitHubEvent, string deliveryId, IReadOnlyList<ProwJobRequest> requests, IReadOnlyList<TrackedJob> tracked)
    {
        var active = await StillActiveAsync(tracked);
        if (gitHubEvent is PullRequestEvent { Action: "synchronize" or "closed" or "converted_to_draft" })
        {
            await Task.WhenAll(active.Select(j => grains.GetGrain<IProwJobGrain>(j.Id).AbortAsync(AbortedByPush)));
            active.Clear();
        }

        foreach (var request in requests)
        {
            if (request.Outcome is null && active.Exists(j => j.Job == request.Job && j.Sha == request.PullSha))
            {
                continue;
            }

            var presubmit = config.Jobs.PresubmitsFor(request.Org, request.Repo).FirstOrDefault(p => p.Name == request.Job);
            if (presubmit is null)
            {
                continue;
            }

            // A finished job gets an id of its own, so an override and a /test of the same job in one comment are two jobs.
            var id = ProwJobIds.For(request.Outcome is null ? deliveryId : $"{deliveryId}@{request.Reason}", request.Job);
            var now = time.GetUtcNow();
            var created = ProwJobFactory.Presubmit(config, presubmit, request, id, now);
            if (request.Outcome is { } outcome)
            {
                created = created with { Status = created.Status with { State = outcome.State, Description = outcome.Description, Url = outcome.Url, CompletionTime = now } };
            }

            var job = await grains.GetGrain<IProwJobGrain>(id).CreateAsync(created);
            if (!job.Status.Complete)
            {
                active.Add(new TrackedJob(id, request.Job, request.PullSha));
            }
        }

        return active;
    }

    private async Task<List<TrackedJob>> StillActiveAsync(IReadOnlyList<TrackedJob> tracked)
    {
        var jobs = await Task.WhenAll(tracked.Select(t => grains.GetGrain<IProwJobGrain>(t.Id).GetAsync()));
        return [.. tracked.Where((t, i) => jobs[i] is { Status.Complete: false })];
    }
}
