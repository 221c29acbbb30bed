using Prow.Config.Components;

namespace Prow.Grains.Tide;

/// <summary>
/// How far a pull request is from one tide query: the labels it lacks or must lose, the author, milestone, branch and
/// review it would need. Empty means it matches. Evaluated locally, so events need no GitHub search.
/// </summary>
public sealed record QueryMatch(
    IReadOnlyList<string> MissingLabels,
    IReadOnlyList<string> ForbiddenLabels,
    string? WrongAuthor,
    string? WrongMilestone,
    string? ForbiddenBranch,
    bool NeedsApproval)
{
    public bool Matches => Distance == 0;

    /// <summary>How many requirements are unmet; tide reports the query closest to matching.</summary>
    public int Distance =>
        MissingLabels.Count + ForbiddenLabels.Count + (WrongAuthor is null ? 0 : 1) + (WrongMilestone is null ? 0 : 1)
        + (ForbiddenBranch is null ? 0 : 1) + (NeedsApproval ? 1 : 0);

    /// <summary>Whether the query covers this repository at all (orgs, repos, excludedRepos).</summary>
    public static bool Covers(TideQuery query, string org, string repo)
    {
        ArgumentNullException.ThrowIfNull(query);
        var fullName = $"{org}/{repo}";
        return query.Repos.Contains(fullName, StringComparer.OrdinalIgnoreCase)
            || (query.Orgs.Contains(org, StringComparer.OrdinalIgnoreCase) && !query.ExcludedRepos.Contains(fullName, StringComparer.OrdinalIgnoreCase));
    }

    /// <param name="approved">Whether GitHub counts the pull request as approved; null when unknown (treated as not).</param>
    public static QueryMatch Evaluate(TideQuery query, string branch, string author, IReadOnlyList<string> labels, string? milestone, bool? approved)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(labels);
        bool Has(string label) => labels.Contains(label, StringComparer.OrdinalIgnoreCase);

        // "a,b" in labels means either one will do.
        var missing = query.Labels.Where(l => !l.Split(',').Any(Has)).Select(l => l.Replace(",", " or ", StringComparison.Ordinal)).ToList();
        var forbidden = query.MissingLabels.Where(Has).ToList();
        var wrongAuthor = !string.IsNullOrEmpty(query.Author) && !string.Equals(query.Author, author, StringComparison.OrdinalIgnoreCase) ? query.Author : null;
        var wrongMilestone = !string.IsNullOrEmpty(query.Milestone) && query.Milestone != milestone ? query.Milestone : null;
        var branchForbidden = query.ExcludedBranches.Contains(branch, StringComparer.Ordinal)
            || (query.IncludedBranches.Count > 0 && !query.IncludedBranches.Contains(branch, StringComparer.Ordinal));
        return new QueryMatch(missing, forbidden, wrongAuthor, wrongMilestone, branchForbidden ? branch : null, query.ReviewApprovedRequired && approved != true);
    }

    /// <summary>The words after "Not mergeable." in the tide status.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (MissingLabels.Count > 0)
        {
            parts.Add($"Needs {string.Join(", ", MissingLabels)} {(MissingLabels.Count == 1 ? "label" : "labels")}.");
        }

        if (ForbiddenLabels.Count > 0)
        {
            parts.Add($"Should not have {string.Join(", ", ForbiddenLabels)} {(ForbiddenLabels.Count == 1 ? "label" : "labels")}.");
        }

        if (WrongAuthor is not null)
        {
            parts.Add($"Must be by author {WrongAuthor}.");
        }

        if (ForbiddenBranch is not null)
        {
            parts.Add($"Merging to branch {ForbiddenBranch} is forbidden.");
        }

        if (WrongMilestone is not null)
        {
            parts.Add($"Must be in milestone {WrongMilestone}.");
        }

        if (NeedsApproval)
        {
            parts.Add("PullRequest is missing sufficient approving GitHub review(s)");
        }

        return string.Join(" ", parts);
    }
}
