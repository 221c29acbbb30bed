using Prow.Clients.GitHub.Events;
using Prow.GrainInterfaces.Tide;
using Prow.Services.Configuration;

namespace Prow.Grains.Tide;

/// <summary>
/// Passes the webhooks tide cares about to the merge pools, one-way, from the turn that handled them: pull request
/// changes and reviews, statuses and check runs on a pool's heads (found through the repository's head index), and
/// pushes to a branch that has a pool.
/// </summary>
public sealed class TideEventRouter(IGrainFactory grains, IConfigSource config, Prow.Clients.GitHub.IIssueClient github)
{
    /// <param name="previousBaseRef">The branch the pull request targeted before this event, when known.</param>
    public async Task RouteAsync(GitHubEvent gitHubEvent, string? previousBaseRef = null)
    {
        ArgumentNullException.ThrowIfNull(gitHubEvent);
        var (org, repo) = (gitHubEvent.Repository.Owner.Login, gitHubEvent.Repository.Name);
        if (!TideRouting.Covers(config.Current, org, repo))
        {
            return;
        }

        switch (gitHubEvent)
        {
            case PullRequestEvent { PullRequest: var pr }:
                var pull = PoolPullRequests.From(pr) with { Open = pr.State == "open" && !pr.Merged && gitHubEvent is not PullRequestEvent { Action: "closed" } };
                if (previousBaseRef is not null && previousBaseRef != pull.BaseRef)
                {
                    await TideRouting.Pool(grains, org, repo, previousBaseRef).OnPullRequestAsync(pull with { Open = false });
                }

                // Plugins ran on this event before tide hears of it and may have put labels on (release-note's
                // do-not-merge/release-note-label-needed on open): the event's labels are then stale, so tide reads them.
                if (pull.Open && config.Current.Plugins.EnabledPluginsFor(org, repo).Count > 0)
                {
                    pull = pull with { Labels = [.. (await github.ListIssueLabelsAsync(org, repo, pr.Number, CancellationToken.None)).Select(l => l.Name)] };
                }

                await TideRouting.Pool(grains, org, repo, pull.BaseRef).OnPullRequestAsync(pull);
                break;
            case PullRequestReviewEvent { PullRequest: var reviewed }:
                await TideRouting.Pool(grains, org, repo, reviewed.Base.Ref).RefreshPullRequestAsync(reviewed.Number);
                break;
            case StatusEvent status:
                await ContextAsync(org, repo, new ContextUpdate(status.Sha, status.Context, status.State));
                break;
            case CheckRunEvent { CheckRun: var run }:
                await ContextAsync(org, repo, new ContextUpdate(run.HeadSha, run.Name, ContextStates.StateOfCheckRun(run.Status, run.Conclusion)));
                break;
            case IssuesEvent issue when IsAboutBlockers(issue):
                foreach (var poolBranch in await grains.GetGrain<IPoolHeadIndexGrain>(GrainKeys.Repository(org, repo)).BranchesAsync())
                {
                    await TideRouting.Pool(grains, org, repo, poolBranch).RefreshBlockersAsync();
                }

                break;
            case PushEvent { Branch: { } branch, Deleted: false } push
                when (await grains.GetGrain<IPoolHeadIndexGrain>(GrainKeys.Repository(org, repo)).BranchesAsync()).Contains(branch):
                await TideRouting.Pool(grains, org, repo, branch).OnBaseMovedAsync(push.After);
                break;
        }
    }

    /// <summary>The blocker label was added or removed, or an issue carrying it opened, closed or was retitled.</summary>
    private bool IsAboutBlockers(IssuesEvent issue) =>
        config.Current.Prow.Tide.BlockerLabel is { Length: > 0 } label
        && (string.Equals(issue.Label?.Name, label, StringComparison.OrdinalIgnoreCase) || issue.Issue.Labels.Any(l => string.Equals(l.Name, label, StringComparison.OrdinalIgnoreCase)));

    private async Task ContextAsync(string org, string repo, ContextUpdate update)
    {
        foreach (var branch in await grains.GetGrain<IPoolHeadIndexGrain>(GrainKeys.Repository(org, repo)).FindAsync(update.Sha))
        {
            await TideRouting.Pool(grains, org, repo, branch).OnContextAsync(update);
        }
    }
}
