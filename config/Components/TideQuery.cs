using System.Text;

namespace Prow.Config.Components;

/// <summary>One Tide query: which open PRs are in the merge pool.</summary>
public sealed record TideQuery
{
    public IReadOnlyList<string> Orgs { get; init; } = [];
    public IReadOnlyList<string> Repos { get; init; } = [];
    public IReadOnlyList<string> ExcludedRepos { get; init; } = [];
    public IReadOnlyList<string> Labels { get; init; } = [];
    public IReadOnlyList<string> MissingLabels { get; init; } = [];
    public string? Author { get; init; }
    public IReadOnlyList<string> ExcludedBranches { get; init; } = [];
    public IReadOnlyList<string> IncludedBranches { get; init; } = [];
    public string? Milestone { get; init; }
    public bool ReviewApprovedRequired { get; init; }
    public int Line { get; init; }

    /// <summary>The GitHub search string, in the order Prow's constructQuery builds it.</summary>
    public string ToSearchQuery()
    {
        var sb = new StringBuilder("is:pr state:open archived:false");
        if (!string.IsNullOrEmpty(Author))
        {
            sb.Append($" author:\"{Author}\"");
        }

        foreach (var b in ExcludedBranches)
        {
            sb.Append($" -base:\"{b}\"");
        }

        foreach (var b in IncludedBranches)
        {
            sb.Append($" base:\"{b}\"");
        }

        foreach (var l in Labels)
        {
            sb.Append($" label:\"{l}\"");
        }

        foreach (var l in MissingLabels)
        {
            sb.Append($" -label:\"{l}\"");
        }

        if (!string.IsNullOrEmpty(Milestone))
        {
            sb.Append($" milestone:\"{Milestone}\"");
        }

        if (ReviewApprovedRequired)
        {
            sb.Append(" review:approved");
        }

        foreach (var o in Orgs)
        {
            sb.Append($" org:\"{o}\"");
        }

        foreach (var r in Repos)
        {
            sb.Append($" repo:\"{r}\"");
        }

        foreach (var r in ExcludedRepos)
        {
            sb.Append($" -repo:\"{r}\"");
        }

        return sb.ToString();
    }

    /// <summary>Prow's TideQuery.Validate; returns the first problem or null.</summary>
    public string? Validate()
    {
        if (Orgs.Count == 0 && Repos.Count == 0)
        {
            return "'orgs' or 'repos' must be specified";
        }

        if (Orgs.FirstOrDefault(o => o.Contains('/')) is { } badOrg)
        {
            return $"orgs: \"{badOrg}\" contains a '/' which is not valid";
        }

        if (Repos.FirstOrDefault(r => !r.Contains('/')) is { } badRepo)
        {
            return $"repos: \"{badRepo}\" does not contain a '/'";
        }

        if (Repos.FirstOrDefault(r => Orgs.Contains(r.Split('/')[0], StringComparer.Ordinal)) is { } coveredRepo)
        {
            return $"repos: \"{coveredRepo}\" is already included via org";
        }

        if (ExcludedRepos.FirstOrDefault(r => !Orgs.Contains(r.Split('/')[0], StringComparer.Ordinal)) is { } uselessExclude)
        {
            return $"excludedRepos: \"{uselessExclude}\" has no effect because its org is not included";
        }

        var both = Labels.SelectMany(l => l.Split(',')).Intersect(MissingLabels, StringComparer.Ordinal).ToList();
        if (both.Count > 0)
        {
            return $"the labels {string.Join(", ", both)} are both required and forbidden";
        }

        return ExcludedBranches.Count > 0 && IncludedBranches.Count > 0
            ? "'includedBranches' and 'excludedBranches' are mutually exclusive"
            : null;
    }
}
