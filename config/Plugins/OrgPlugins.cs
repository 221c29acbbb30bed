namespace Prow.Config.Plugins;

/// <summary>
/// The plugins enabled for one org or org/repo, and (for an org) the repos excluded from them;
/// <see cref="PluginLines"/> holds the line each name is written on, in the same order.
/// </summary>
public sealed record OrgPlugins(IReadOnlyList<string> Plugins, IReadOnlyList<string> ExcludedRepos, int Line)
{
    public IReadOnlyList<int> PluginLines { get; init; } = [];

    public int LineOf(int index) => index < PluginLines.Count ? PluginLines[index] : Line;
}
