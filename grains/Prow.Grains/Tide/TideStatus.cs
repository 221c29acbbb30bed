namespace Prow.Grains.Tide;

/// <summary>The <c>tide</c> status context on a pull request: in the pool, or why not, worded as Prow words it.</summary>
public sealed record TideStatus(string State, string Description)
{
    /// <summary>GitHub's limit on status descriptions.</summary>
    public const int MaxDescription = 140;

    public static readonly TideStatus InPool = new("success", "In merge pool.");

    public static readonly TideStatus Conflict = new("error", "Not mergeable. PR has a merge conflict.");

    public static readonly TideStatus Draft = new("pending", "Not mergeable. PR is a draft.");

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
