namespace Prow.Config.Plugins;

/// <summary><c>branch_cleaner</c>: branches the branchcleaner plugin never deletes, per org or org/repo.</summary>
public sealed record BranchCleanerConfig
{
    /// <summary>org or org/repo → branch names, each also tried as an unanchored Go regexp, as Prow tries it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> PreservedBranches { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Prow's IsPreservedBranch: the repo's entries, then the org's; a name or a pattern that matches anywhere in the branch.</summary>
    public bool IsPreserved(string org, string repo, string branch)
    {
        IEnumerable<string> entries = [.. PreservedBranches.GetValueOrDefault($"{org}/{repo}") ?? [], .. PreservedBranches.GetValueOrDefault(org) ?? []];
        return entries.Any(entry => entry == branch || (GoRegex.TryCompile(entry, out var re, out _) && re!.IsMatch(branch)));
    }
}
