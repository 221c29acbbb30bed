namespace Prow.Config.Plugins;

/// <summary>The plugins enabled for one org or org/repo, and (for an org) the repos excluded from them.</summary>
public sealed record OrgPlugins(IReadOnlyList<string> Plugins, IReadOnlyList<string> ExcludedRepos, int Line);
