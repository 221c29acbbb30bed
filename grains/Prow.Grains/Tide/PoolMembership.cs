using Prow.Config.Components;
using Prow.GrainInterfaces.Tide;

namespace Prow.Grains.Tide;

/// <summary>Whether one pull request belongs in its branch's merge pool, and the tide status that says so (or why not).</summary>
public static class PoolMembership
{
    /// <param name="queries">The tide queries that cover the pull request's repository.</param>
    /// <param name="mergeFailure">Why GitHub last refused to merge this head, if it did.</param>
    public static (bool InPool, TideStatus Status) Evaluate(
        PoolPullRequest pull,
        IReadOnlyDictionary<string, string> contexts,
        bool? approved,
        IReadOnlyList<TideQuery> queries,
        ContextRequirements requirements,
        string? mergeFailure)
    {
        ArgumentNullException.ThrowIfNull(pull);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(requirements);
        if (pull.Mergeable == false)
        {
            return (false, TideStatus.Conflict);
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

        var closest = queries.Select(q => QueryMatch.Evaluate(q, pull.BaseRef, pull.Author, pull.Labels, pull.Milestone, approved)).MinBy(m => m.Distance)!;
        if (!closest.Matches)
        {
            return (false, TideStatus.QueryUnmet(closest));
        }

        var unmet = requirements.Unmet(contexts);
        return unmet.Count > 0 ? (false, TideStatus.ContextsUnmet(unmet)) : (true, TideStatus.InPool);
    }
}
