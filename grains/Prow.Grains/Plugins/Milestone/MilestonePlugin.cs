using System.Text.RegularExpressions;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Milestone;

/// <summary>
/// <c>/milestone v1.x</c> sets an issue's or pull request's milestone to one of the repository's open milestones;
/// <c>/milestone clear</c> takes it off. Only members of the <c>repo_milestone</c> team may do either.
/// </summary>
public sealed partial class MilestonePlugin : IPlugin, IGenericCommentHandler
{
    public const string PluginName = "milestone";
    public const string ClearKeyword = "clear";

    public string Name => PluginName;

    [GeneratedRegex(@"(?m)^/milestone\s+(.+?)\s*$")]
    private static partial Regex MilestoneCommand();

    /// <summary>Prow's answer to a milestone the repository does not have, listing those it has.</summary>
    public static string InvalidMilestone(IEnumerable<string> titles) =>
        $"The provided milestone is not valid for this repository. Milestones in this repository: [{string.Join(", ", titles.Select(t => $"`{t}`").Order(StringComparer.Ordinal))}]\n\nUse `/milestone {ClearKeyword}` to clear the milestone.";

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (comment.Action != GenericCommentEvent.Created || Commands.Find(MilestoneCommand(), comment.Body) is not [var match, ..])
        {
            return;
        }

        var (org, repo, number) = (comment.Org, comment.Repo, comment.Number);
        var team = context.Config.Plugins.RepoMilestoneFor(org, repo);
        if (!await MilestoneMaintainers.IncludesAsync(context, team, org, comment.Commenter))
        {
            var refusal = MilestoneMaintainers.MustBeAuthorized(org, team, "set the milestone", "/milestone");
            await context.GitHub.CreateCommentAsync(org, repo, number, CommandResponse.To(comment, refusal), context.CancellationToken);
            return;
        }

        var milestones = await context.GitHub.ListMilestonesAsync(org, repo, context.CancellationToken);
        var proposed = match.Groups[1].Value;
        if (proposed == ClearKeyword)
        {
            await context.GitHub.ClearMilestoneAsync(org, repo, number, context.CancellationToken);
            return;
        }

        // Titles are unique on GitHub; the last wins as in Prow's map should two ever collide.
        var byTitle = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var milestone in milestones)
        {
            byTitle[milestone.Title] = milestone.Number;
        }

        if (!byTitle.TryGetValue(proposed, out var milestoneNumber))
        {
            await context.GitHub.CreateCommentAsync(org, repo, number, CommandResponse.To(comment, InvalidMilestone(byTitle.Keys)), context.CancellationToken);
            return;
        }

        await context.GitHub.SetMilestoneAsync(org, repo, number, milestoneNumber, context.CancellationToken);
    }

    public PluginHelp Help(PluginHelpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var config = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var scope in context.EnabledRepos.Where(context.Config.Plugins.RepoMilestone.ContainsKey))
        {
            config[scope] = TeamText(context.Config.Plugins.RepoMilestone[scope]);
        }

        config[""] = TeamText(context.Config.Plugins.RepoMilestone.GetValueOrDefault("") ?? new());
        return new PluginHelp(
            "Sets the milestone of an issue or pull request.",
            "The milestone plugin lets the members of one GitHub team (repo_milestone in plugins.yaml, per repository or for all of them) put an issue or pull request into one of the repository's open milestones, or take it out of its milestone. Anyone else who tries is told which team to join and whom to ask.",
            ["issue_comment", "pull_request_review", "pull_request_review_comment"],
            [new("/milestone <version> or /milestone clear", "Puts the issue or pull request in the named milestone, or clears its milestone.", ["/milestone v1.10", "/milestone v1.9", "/milestone clear"], "Members of the milestone maintainers team")])
        {
            Config = config,
        };
    }

    private static string TeamText(Config.Plugins.RepoMilestoneConfig team) =>
        team.MaintainersTeam.Length > 0
            ? $"Milestones are set by the members of the GitHub team \"{team.MaintainersTeam}\"."
            : $"Milestones are set by the members of the GitHub team with ID {team.MaintainersId}.";
}
