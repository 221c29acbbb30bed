using Prow.Config.Components;
using Prow.GrainInterfaces.Tide;

namespace Prow.Grains.Tide;

/// <summary>Whether one pull request belongs in its branch's merge pool, and the tide status that says so (or why not).</summary>
public static class PoolMembership
{
    /// <param name="queries">The tide queries that cover the pull request's repository.</param>
    /// <param name="mergeFailure">Why GitHub last refused to merge this head, if it did.</param>
    /// <param name="mergeBlocksPolicy">tide.github_merge_blocks_policy for the repository: ignore, permit or block.</param>
    /// <param name="displayAllQueries">tide.display_all_tide_queries_in_status: say what every query needs, not only the closest.</param>
    public static (bool InPool, TideStatus Status) Evaluate(
        PoolPullRequest pull,
        IReadOnlyDictionary<string, string> contexts,
        bool? approved,
        IReadOnlyList<TideQuery> queries,
        ContextRequirements requirements,
        string? mergeFailure,
        string mergeBlocksPolicy = "permit",
        bool displayAllQueries = false)
    {
        ArgumentNullException.ThrowIfNull(pull);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(requirements);
        if (pull.Mergeable == false)
        {
            return (false, TideStatus.Conflict);
        }

        if (pull.BlockedByGitHub && mergeBlocksPolicy == "block")
        {
            return (false, TideStatus.BlockedByGitHub);
        }

        if (mergeFailure is not null)
        {
            return (false, TideStatus.MergeFailed(mergeFailure));
        }

        if (pull.Draft)
        {
            return (false, TideStatus.Draft);
        }

        if (queries.Count == 0)
        {
            return (false, TideStatus.NoQuery(pull.BaseRef));
        }

        var matches = queries.Select(q => QueryMatch.Evaluate(q, pull.BaseRef, pull.Author, pull.Labels, pull.Milestone, approved)).ToList();
        var closest = matches.MinBy(m => m.Distance)!;
        if (!closest.Matches)
        {
            return (false, displayAllQueries ? TideStatus.AllQueriesUnmet([.. matches.Where(m => m.ForbiddenBranch is null)], pull.BaseRef) : TideStatus.QueryUnmet(closest));
        }

        var unmet = requirements.Unmet(contexts);
        if (unmet.Count > 0)
        {
            return (false, TideStatus.ContextsUnmet(unmet));
        }

        return (true, pull.BlockedByGitHub && mergeBlocksPolicy == "permit" ? TideStatus.InPoolDespiteBlocked : TideStatus.InPool);
    }
}
