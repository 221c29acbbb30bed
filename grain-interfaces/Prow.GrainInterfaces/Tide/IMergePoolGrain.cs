using Orleans;
using Orleans.Concurrency;

namespace Prow.GrainInterfaces.Tide;

/// <summary>
/// Tide for one branch (key <c>org/repo@branch</c>): the open pull requests on it, what each needs, and one action
/// at a time (merge, batch, retest, wait). Events feed it one-way, so a webhook's turn never waits for a merge; the
/// periodic sync hands it the whole picture and catches anything an event missed.
/// </summary>
public interface IMergePoolGrain : IGrainWithStringKey
{
    /// <summary>A pull request event carried this snapshot (opened, synchronize, labeled, closed, ...).</summary>
    [OneWay]
    Task OnPullRequestAsync(PoolPullRequest pull);

    /// <summary>Something the event did not carry changed (a review): read the pull request from GitHub again.</summary>
    [OneWay]
    Task RefreshPullRequestAsync(int number);

    /// <summary>A status or check run on a commit that is the head of one of this pool's pull requests.</summary>
    [OneWay]
    Task OnContextAsync(ContextUpdate update);

    /// <summary>An issue carrying the blocker label changed: search for this branch's blockers again.</summary>
    [OneWay]
    Task RefreshBlockersAsync();

    /// <summary>The branch moved (a push, or a merge made elsewhere).</summary>
    [OneWay]
    Task OnBaseMovedAsync(string sha);

    /// <summary>A presubmit or batch ProwJob on this branch was created or changed state.</summary>
    [OneWay]
    Task OnJobAsync(PoolJob job);

    /// <summary>The periodic sync: every open pull request on this branch that GitHub knows of, and the branch head.</summary>
    Task SyncAsync(PoolSync sync);

    Task<MergePoolView> GetAsync();

    /// <summary>What this pool did, newest first.</summary>
    Task<IReadOnlyList<TideHistoryRecord>> GetHistoryAsync();
}
