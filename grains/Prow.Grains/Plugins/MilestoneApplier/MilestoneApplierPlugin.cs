using Microsoft.Extensions.Logging;
using Prow.Clients.GitHub.Events;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.MilestoneApplier;

/// <summary>
/// Puts a merged pull request into the milestone <c>milestone_applier</c> names for its base branch; a pull request
/// into any other branch than the default one gets it already when opened.
/// </summary>
public sealed partial class MilestoneApplierPlugin : IPlugin, IPullRequestHandler
{
    public const string PluginName = "milestoneapplier";

    public string Name => PluginName;

    public async Task HandlePullRequestAsync(PluginContext context, PullRequestEvent pullRequest)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pullRequest);
        var pr = pullRequest.PullRequest;
        var baseRepo = pr.Base.Repo ?? pullRequest.Repository;
        var (org, repo, branch) = (baseRepo.Owner.Login, baseRepo.Name, pr.Base.Ref);
        if (!context.Config.Plugins.MilestoneApplier.TryGetValue($"{org}/{repo}", out var branches)
            || !branches.TryGetValue(branch, out var wanted)
            || pr.Milestone?.Title == wanted)
        {
            return;
        }

        var merged = pullRequest.Action == "closed" && pr.Merged;
        var defaultBranch = baseRepo.DefaultBranch is { Length: > 0 } known ? known : pullRequest.Repository.DefaultBranch;
        if (!merged && (defaultBranch == branch || pullRequest.Action != "opened"))
        {
            return;
        }

        var milestones = await context.GitHub.ListMilestonesAsync(org, repo, context.CancellationToken);
        if (milestones.LastOrDefault(m => m.Title == wanted) is not { } milestone)
        {
            LogMissingMilestone(context.Logger, wanted, branch, $"{org}/{repo}");
            return;
        }

        var number = pullRequest.Number > 0 ? pullRequest.Number : pr.Number;
        await context.GitHub.SetMilestoneAsync(org, repo, number, milestone.Number, context.CancellationToken);
    }

    public PluginHelp Help(PluginHelpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var config = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var scope in context.EnabledRepos)
        {
            // Enabled for an org, the plugin acts on each of its repos that milestone_applier lists.
            var lines = context.Config.Plugins.MilestoneApplier
                .Where(r => r.Key == scope || r.Key.StartsWith(scope + "/", StringComparison.Ordinal))
                .OrderBy(r => r.Key, StringComparer.Ordinal)
                .SelectMany(r => r.Value.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => $"- {r.Key} `{b.Key}`: `{b.Value}`"));
            config[scope] = "Branches and the milestone their merged pull requests get:\n" + string.Join('\n', lines);
        }

        return new PluginHelp(
            "Puts merged pull requests into the milestone configured for their branch.",
            "The milestoneapplier plugin reads milestone_applier in plugins.yaml (org/repo, then base branch, then milestone title). When a pull request into a listed branch is merged it is put into that milestone; a pull request into a branch other than the repository's default one is put there already when it is opened. A milestone title the repository does not have is logged and nothing changes.",
            ["pull_request"],
            [])
        {
            Config = config,
        };
    }

    [LoggerMessage(EventId = 3501, Level = LogLevel.Warning, Message = "milestoneapplier: the milestone {Milestone} configured for branch {Branch} does not exist in {Repo}")]
    private static partial void LogMissingMilestone(ILogger logger, string milestone, string branch, string repo);
}
