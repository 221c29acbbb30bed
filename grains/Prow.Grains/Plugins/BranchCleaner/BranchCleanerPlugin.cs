using Prow.Clients.GitHub.Events;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.BranchCleaner;

/// <summary>
/// Deletes the head branch of a merged pull request when it lives in the same repository as the base (forks are left
/// alone), unless <c>branch_cleaner.preserved_branches</c> keeps it.
/// </summary>
public sealed class BranchCleanerPlugin : IPlugin, IPullRequestHandler
{
    public const string PluginName = "branchcleaner";

    public string Name => PluginName;

    public async Task HandlePullRequestAsync(PluginContext context, PullRequestEvent pullRequest)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pullRequest);
        var pr = pullRequest.PullRequest;
        if (pullRequest.Action != "closed" || !pr.Merged)
        {
            return;
        }

        var baseRepo = pr.Base.Repo ?? pullRequest.Repository;
        if (pr.Head.Repo is not { } headRepo || !string.Equals(baseRepo.FullName, headRepo.FullName, StringComparison.Ordinal)
            || context.Config.Plugins.BranchCleaner.IsPreserved(baseRepo.Owner.Login, baseRepo.Name, pr.Head.Ref))
        {
            return;
        }

        await context.GitHub.DeleteRefAsync(baseRepo.Owner.Login, baseRepo.Name, "heads/" + pr.Head.Ref, context.CancellationToken);
    }

    public PluginHelp Help(PluginHelpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var preserved = context.Config.Plugins.BranchCleaner.PreservedBranches;
        var config = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var scope in context.EnabledRepos.Where(preserved.ContainsKey))
        {
            config[scope] = $"Never deleted in {scope}: {string.Join(", ", preserved[scope])}";
        }

        return new PluginHelp(
            "Deletes the branch of a merged pull request.",
            "The branchcleaner plugin deletes a merged pull request's head branch when that branch is in the repository the pull request merged into, which keeps repositories that people push branches to directly (instead of forking) tidy. Branches listed under branch_cleaner.preserved_branches for the org or repo, by name or by a regexp that matches them, are kept.",
            ["pull_request"],
            [])
        {
            Config = config,
        };
    }
}
