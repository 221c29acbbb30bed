using Prow.Clients.GitHub;
using Prow.Config.Plugins;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.NeedsRebase;

/// <summary>
/// The periodic pass of Prow's needs-rebase plugin over every open pull request of the repositories it is enabled for
/// (in plugins.yaml's <c>plugins</c> or as an external plugin): one search per org, one for the remaining repositories
/// (one per org as a GitHub App), then each pull request whose mergeability GitHub has computed gets the label and
/// comment put on or taken off. Pull requests GitHub is still computing are left for their next event or pass.
/// </summary>
public static class NeedsRebaseRescan
{
    public const string SearchPrefix = "archived:false is:pr is:open";

    /// <summary>The searches, as Prow's constructQueries builds them (without its split of kubernetes/kubernetes by age).</summary>
    public static IReadOnlyList<string> Queries(PluginsConfig plugins, bool usesAppAuth)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        var (orgs, repos) = EnabledOrgsAndRepos(plugins);
        var queries = orgs.Select(org => $"{SearchPrefix} org:\"{org}\"").ToList();
        var remaining = repos.Where(r => !orgs.Contains(r[..r.IndexOf('/', StringComparison.Ordinal)])).ToList();
        if (remaining.Count > 0)
        {
            queries.AddRange(usesAppAuth
                ? remaining.GroupBy(r => r[..r.IndexOf('/', StringComparison.Ordinal)], StringComparer.Ordinal).Select(g => SearchPrefix + string.Concat(g.Select(r => $" repo:\"{r}\"")))
                : [SearchPrefix + string.Concat(remaining.Select(r => $" repo:\"{r}\""))]);
        }

        return queries;
    }

    /// <returns>How many pull requests were looked at.</returns>
    public static async Task<int> RunAsync(PluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var plugins = context.Config.Plugins;
        var seen = 0;
        foreach (var query in Queries(plugins, context.GitHub.AuthenticatesAsApp))
        {
            foreach (var found in await context.GitHub.SearchIssuesAsync(query, context.CancellationToken))
            {
                if (RepositoryOf(found) is not var (org, repo) || !IsEnabled(plugins, org, repo))
                {
                    continue;
                }

                var pr = await context.GitHub.GetPullRequestAsync(org, repo, found.Number, context.CancellationToken);
                if (pr.State != "open" || pr.Merged || pr.Mergeable is null)
                {
                    continue;
                }

                seen++;
                await NeedsRebasePlugin.ReconcileAsync(context, org, repo, pr, [.. found.Labels.Select(l => l.Name)]);
            }
        }

        return seen;
    }

    private static (SortedSet<string> Orgs, SortedSet<string> Repos) EnabledOrgsAndRepos(PluginsConfig plugins)
    {
        var (orgs, repos) = (new SortedSet<string>(StringComparer.Ordinal), new SortedSet<string>(StringComparer.Ordinal));
        var keys = plugins.Plugins.Where(p => p.Value.Plugins.Contains(NeedsRebasePlugin.PluginName, StringComparer.Ordinal)).Select(p => p.Key)
            .Concat(plugins.ExternalPlugins.Where(e => e.Value.Any(p => p.Name == NeedsRebasePlugin.PluginName)).Select(e => e.Key));
        foreach (var key in keys)
        {
            (key.Contains('/', StringComparison.Ordinal) ? repos : orgs).Add(key);
        }

        return (orgs, repos);
    }

    /// <summary>Enabled for this repository: an org entry may exclude it.</summary>
    private static bool IsEnabled(PluginsConfig plugins, string org, string repo) =>
        plugins.IsEnabled(org, repo, NeedsRebasePlugin.PluginName) || plugins.ExternalPluginsFor(org, repo).Any(p => p.Name == NeedsRebasePlugin.PluginName);

    /// <summary>The owner and name from a search result's repository_url (…/repos/{owner}/{repo}).</summary>
    private static (string Org, string Repo)? RepositoryOf(Issue issue)
    {
        var parts = issue.RepositoryUrl?.TrimEnd('/').Split('/') ?? [];
        return parts.Length >= 2 ? (parts[^2], parts[^1]) : null;
    }
}
