namespace Prow.Grains.Plugins.Label;

/// <summary>
/// When a comment takes away the last label of a category that must not be empty (kind, priority, sig, triage) and
/// adds none back, the repository's <c>needs-&lt;category&gt;</c> label goes on, if the repository has one.
/// </summary>
public static class NeedsCategoryLabels
{
    public static readonly IReadOnlyList<string> Categories = ["kind", "priority", "sig", "triage"];

    /// <param name="repoLabels">The repository's labels, lower-case.</param>
    public static IReadOnlyList<string> ToAdd(IReadOnlyList<string> adding, IReadOnlyList<string> removing, IReadOnlyList<string> onIssue, IReadOnlySet<string> repoLabels)
    {
        ArgumentNullException.ThrowIfNull(adding);
        ArgumentNullException.ThrowIfNull(removing);
        ArgumentNullException.ThrowIfNull(onIssue);
        ArgumentNullException.ThrowIfNull(repoLabels);
        var result = new List<string>();
        foreach (var category in Categories.Where(c => repoLabels.Contains("needs-" + c)))
        {
            var removed = InCategory(removing, category);
            if (removed.Count > 0 && InCategory(adding, category).Count == 0 && InCategory(onIssue, category).IsSubsetOf(removed))
            {
                result.Add("needs-" + category);
            }
        }

        return result;
    }

    private static HashSet<string> InCategory(IEnumerable<string> labels, string category) =>
        labels.Select(l => l.ToLowerInvariant()).Where(l => l.StartsWith(category + "/", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
}
