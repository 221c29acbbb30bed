using System.Text.RegularExpressions;
using Prow.Clients.GitHub;
using Prow.Config;
using Prow.Config.Components;

namespace Prow.Grains.BranchProtector;

/// <summary>
/// Which repositories and branches branchprotector looks at, as Prow's does: an org whose policy sets <c>protect</c>
/// covers every repository GitHub lists for it, any other org only the repositories it names; archived repositories and
/// private security forks are left alone; a repository's <c>include</c> patterns, when given, keep only the branches they
/// match and its <c>exclude</c> patterns drop the branches they match, except branches the configuration names.
/// </summary>
public static partial class ProtectionScope
{
    /// <summary>True when the org's policy (global policy applied) protects every repository GitHub lists for it.</summary>
    public static bool CoversWholeOrg(BranchProtectionConfig config, string org)
    {
        ArgumentNullException.ThrowIfNull(config);
        return OrgPolicy(config, org).Protect is not null;
    }

    /// <summary>
    /// True when nothing under the node is managed: the org (or the whole section) says <c>unmanaged: true</c> and
    /// no repository or branch below says <c>unmanaged: false</c>.
    /// </summary>
    public static bool SkipsOrg(BranchProtectionConfig config, string org)
    {
        ArgumentNullException.ThrowIfNull(config);
        var node = config.Orgs.GetValueOrDefault(org) ?? BranchProtectionNode.Empty;
        return OrgPolicy(config, org).Unmanaged == true
            && !node.Children.Values.Any(r => Managed(r.Policy) || r.Children.Values.Any(b => Managed(b.Policy)));
    }

    /// <summary>True when the section as a whole says <c>unmanaged: true</c> and nothing below takes that back.</summary>
    public static bool SkipsEverything(BranchProtectionConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Policy.Unmanaged == true
            && !config.Orgs.Values.Any(o => Managed(o.Policy) || o.Children.Values.Any(r => Managed(r.Policy) || r.Children.Values.Any(b => Managed(b.Policy))));
    }

    /// <summary>True when the repository says <c>unmanaged: true</c> (after org and global) and no branch below takes that back.</summary>
    public static bool SkipsRepository(BranchProtectionConfig config, string org, string repo)
    {
        ArgumentNullException.ThrowIfNull(config);
        var node = RepoNode(config, org, repo);
        return RepoPolicy(config, org, repo).Unmanaged == true && !node.Children.Values.Any(b => Managed(b.Policy));
    }

    /// <summary>Repositories branch protection cannot be written to: archived ones and private security forks.</summary>
    public static bool IsUnprotectable(Repository repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return repository.Archived || (repository.Private && SecurityForkName().IsMatch(repository.Name));
    }

    /// <summary>The branch filter of one repository, from the <c>include</c> and <c>exclude</c> of its global, org and repository policies.</summary>
    public static Func<string, bool> BranchFilter(BranchProtectionConfig config, string org, string repo)
    {
        ArgumentNullException.ThrowIfNull(config);
        var policy = RepoPolicy(config, org, repo);
        var named = RepoNode(config, org, repo).Children;
        var include = Alternation(policy.Include);
        var exclude = Alternation(policy.Exclude);
        return branch => named.ContainsKey(branch)
            || (include is not null ? include.IsMatch(branch) : exclude is null || !exclude.IsMatch(branch));
    }

    private static Regex? Alternation(IReadOnlyList<string> patterns) =>
        patterns.Count == 0 ? null : GoRegex.Compile(string.Join('|', patterns));

    private static BranchProtectionPolicy OrgPolicy(BranchProtectionConfig config, string org) =>
        config.Orgs.TryGetValue(org, out var node) ? config.Policy.Apply(node.Policy) : config.Policy;

    private static BranchProtectionPolicy RepoPolicy(BranchProtectionConfig config, string org, string repo) =>
        OrgPolicy(config, org).Apply(RepoNode(config, org, repo).Policy);

    private static BranchProtectionNode RepoNode(BranchProtectionConfig config, string org, string repo) =>
        config.Orgs.GetValueOrDefault(org)?.Children.GetValueOrDefault(repo) ?? BranchProtectionNode.Empty;

    private static bool Managed(BranchProtectionPolicy policy) => policy.Unmanaged == false;

    [GeneratedRegex(@"^[\w-]+-ghsa-[\w-]+$")]
    private static partial Regex SecurityForkName();
}
