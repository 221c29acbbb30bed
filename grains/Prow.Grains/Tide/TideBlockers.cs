using System.Text.RegularExpressions;
using Prow.Clients.GitHub;

namespace Prow.Grains.Tide;

/// <summary>
/// Tide's blocker issues: open issues carrying <c>tide.blocker_label</c>. One blocks every branch of its repository
/// unless its title names branches as <c>branch:name</c> tokens, then only those.
/// </summary>
public static partial class TideBlockers
{
    /// <summary>The blockers of one repository; empty (and no search) when no blocker label is configured.</summary>
    public static async Task<IReadOnlyList<Issue>> SearchAsync(ISearchClient search, string? label, string scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        return string.IsNullOrEmpty(label) ? [] : await search.SearchIssuesAsync($"is:issue state:open label:\"{label}\" {scope}", cancellationToken);
    }

    public static IReadOnlyList<PoolBlocker> For(IEnumerable<Issue> issues, string branch)
    {
        ArgumentNullException.ThrowIfNull(issues);
        return [.. issues
            .Where(i => BranchToken().Matches(i.Title).Select(m => m.Groups["branch"].Value).ToList() is var branches && (branches.Count == 0 || branches.Contains(branch)))
            .OrderBy(i => i.Number)
            .Select(i => new PoolBlocker(i.Number, i.Title, i.HtmlUrl ?? ""))];
    }

    [GeneratedRegex(@"\bbranch:(?<branch>[^\s]+)")]
    private static partial Regex BranchToken();
}
