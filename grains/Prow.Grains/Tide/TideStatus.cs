namespace Prow.Grains.Tide;

/// <summary>The <c>tide</c> status context on a pull request: in the pool, or why not, worded as Prow words it.</summary>
public sealed record TideStatus(string State, string Description)
{
    /// <summary>GitHub's limit on status descriptions.</summary>
    public const int MaxDescription = 140;

    public static readonly TideStatus InPool = new("success", "In merge pool.");

    public static readonly TideStatus Conflict = new("error", "Not mergeable. PR has a merge conflict.");

    public static readonly TideStatus Draft = new("pending", "Not mergeable. PR is a draft.");

    /// <summary>github_merge_blocks_policy: permit lets a pull request GitHub holds BLOCKED into the pool, and says so.</summary>
    public static readonly TideStatus InPoolDespiteBlocked = new("success", "In merge pool (despite BLOCKED).");

    /// <summary>github_merge_blocks_policy: block keeps out a pull request GitHub holds BLOCKED.</summary>
    public static readonly TideStatus BlockedByGitHub = new("error", "Not mergeable. PR is blocked from merging by GitHub (check branch protection, required reviews, or rulesets)");

    /// <summary>
    /// In the pool, but these required jobs have not passed at the current base: "Retesting: a b" (sorted), or the
    /// count when the names do not fit GitHub's description.
    /// </summary>
    public static TideStatus Retesting(IReadOnlyList<string> contexts)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        var all = $"Not mergeable. Retesting: {string.Join(' ', contexts.Order(StringComparer.Ordinal))}";
        return new("pending", all.Length <= MaxDescription ? all : $"Not mergeable. Retesting {contexts.Count} job{(contexts.Count == 1 ? "" : "s")}.");
    }

    /// <summary>
    /// display_all_tide_queries_in_status: what each query for this branch still needs, joined by OR as Prow joins
    /// them; none for the branch at all says so.
    /// </summary>
    public static TideStatus AllQueriesUnmet(IReadOnlyList<QueryMatch> forBranch, string branch)
    {
        ArgumentNullException.ThrowIfNull(forBranch);
        if (forBranch.Count == 0)
        {
            return NoQuery(branch);
        }

        var text = "";
        foreach (var match in forBranch)
        {
            text = text.Length == 0 ? match.Describe() : $"{(text.EndsWith('.') ? text[..^1] : text)} OR {match.Describe()}";
        }

        return Pending(text);
    }

    public static TideStatus NoQuery(string branch) => Pending($"No Tide query for branch {branch} found.");

    public static TideStatus QueryUnmet(QueryMatch closest)
    {
        ArgumentNullException.ThrowIfNull(closest);
        return Pending(closest.Describe());
    }

    public static TideStatus ContextsUnmet(IReadOnlyList<string> contexts)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        return Pending(contexts.Count == 1 ? $"Job {contexts[0]} has not succeeded." : $"Jobs {string.Join(", ", contexts)} have not succeeded.");
    }

    public static TideStatus Blocked(IReadOnlyList<PoolBlocker> blockers)
    {
        ArgumentNullException.ThrowIfNull(blockers);
        return new("error", Truncate($"Not mergeable. Merging is blocked by issue(s) {string.Join(", ", blockers.Select(b => b.Number))}."));
    }

    /// <summary>GitHub refused the merge for a reason that retrying will not fix.</summary>
    public static TideStatus MergeFailed(string reason) => new("error", Truncate($"Not mergeable. Merge failed: {reason}"));

    private static TideStatus Pending(string reason) => new("pending", Truncate($"Not mergeable. {reason}"));

    private static string Truncate(string text) => text.Length <= MaxDescription ? text : text[..(MaxDescription - 3)] + "...";
}
