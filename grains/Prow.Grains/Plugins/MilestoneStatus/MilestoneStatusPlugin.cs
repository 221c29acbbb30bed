using System.Text.RegularExpressions;
using Prow.Grains.Plugins.Framework;
using Prow.Grains.Plugins.Milestone;

namespace Prow.Grains.Plugins.MilestoneStatus;

/// <summary>
/// <c>/status approved-for-milestone|in-progress|in-review</c> puts the matching <c>status/*</c> label on, for members
/// of the <c>repo_milestone</c> team only; anyone else is told which team that is.
/// </summary>
public sealed partial class MilestoneStatusPlugin : IPlugin, IGenericCommentHandler
{
    public const string PluginName = "milestonestatus";

    /// <summary>What may follow /status, and the label each puts on.</summary>
    public static IReadOnlyDictionary<string, string> StatusLabels { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["approved-for-milestone"] = "status/approved-for-milestone",
        ["in-progress"] = "status/in-progress",
        ["in-review"] = "status/in-review",
    };

    public string Name => PluginName;

    [GeneratedRegex(@"(?m)^/status\s+(.+)$")]
    private static partial Regex StatusCommand();

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        var matches = Commands.Find(StatusCommand(), comment.Body);
        if (comment.Action != GenericCommentEvent.Created || matches.Count == 0)
        {
            return;
        }

        var (org, repo, number) = (comment.Org, comment.Repo, comment.Number);
        var team = context.Config.Plugins.RepoMilestoneFor(org, repo);
        if (!await MilestoneMaintainers.IncludesAsync(context, team, org, comment.Commenter))
        {
            // Prow answers this one without quoting the comment.
            var refusal = MilestoneMaintainers.MustBeAuthorized(org, team, "add status labels", "/status");
            await context.GitHub.CreateCommentAsync(org, repo, number, refusal, context.CancellationToken);
            return;
        }

        foreach (var match in matches)
        {
            if (StatusLabels.TryGetValue(match.Groups[1].Value.Trim(), out var label))
            {
                await context.GitHub.AddLabelsAsync(org, repo, number, [label], context.CancellationToken);
            }
        }
    }

    public PluginHelp Help(PluginHelpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var config = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var scope in context.EnabledRepos.Where(context.Config.Plugins.RepoMilestone.ContainsKey))
        {
            config[scope] = $"Status labels are put on by the members of the GitHub team \"{context.Config.Plugins.RepoMilestone[scope].MaintainersTeam}\".";
        }

        config[""] = $"Status labels are put on by the members of the GitHub team \"{context.Config.Plugins.RepoMilestone.GetValueOrDefault("")?.MaintainersTeam}\".";
        return new PluginHelp(
            "Marks where a pull request stands in its milestone with a status/* label.",
            "The milestonestatus plugin lets the members of the milestone maintainers team (repo_milestone in plugins.yaml) mark a pull request as approved for its milestone, in progress or in review, each with its status/ label.",
            ["issue_comment", "pull_request_review", "pull_request_review_comment"],
            [new("/status (approved-for-milestone|in-progress|in-review)", "Puts the status/ label of that name on.", ["/status approved-for-milestone", "/status in-progress", "/status in-review"], "Members of the milestone maintainers team")])
        {
            Config = config,
        };
    }
}
