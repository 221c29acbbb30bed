using Prow.Config.Plugins;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Label;

/// <summary>
/// <c>/kind</c>, <c>/priority</c>, <c>/area</c>, <c>/triage</c> (and the other label types), <c>/label</c> and their
/// <c>/remove-</c> forms. A label must exist in the repository; <c>triage/accepted</c> is for org members; restricted
/// labels are for their allowed users and teams. Taking away the last kind, priority, sig or triage label puts the
/// repository's needs-&lt;category&gt; label on. When a pull request gets a label some restricted label lists in its
/// <c>assign_on</c>, that restricted label's allowed users are assigned to it.
/// </summary>
public sealed class LabelPlugin : IPlugin, IGenericCommentHandler, IPullRequestHandler
{
    public const string PluginName = "label";
    public const string TriageAccepted = "triage/accepted";

    public string Name => PluginName;

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (comment.Action != GenericCommentEvent.Created)
        {
            return;
        }

        var config = context.Config.Plugins.Label;
        var restricted = config.RestrictedLabelsFor(comment.Org, comment.Repo);
        var additional = config.AdditionalLabels.Select(l => l.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var commands = LabelCommands.Parse(comment.Body, label => additional.Contains(label) || restricted.ContainsKey(label));
        if (commands.IsEmpty)
        {
            return;
        }

        var ct = context.CancellationToken;
        var inRepo = (await context.GitHub.GetRepositoryLabelsAsync(comment.Org, comment.Repo, ct))
            .Select(l => l.Name.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var onIssue = await IssueLabels.CurrentAsync(context, comment.Org, comment.Repo, comment.Number);
        var missingInRepo = new List<string>();
        var notOnIssue = new List<string>();
        var triageRefused = false;

        var toAdd = commands.ToAdd.Concat(NeedsCategoryLabels.ToAdd(commands.ToAdd, commands.ToRemove, onIssue, inRepo));
        foreach (var label in toAdd.Distinct(StringComparer.Ordinal).Where(l => !IssueLabels.Has(onIssue, l)))
        {
            if (!inRepo.Contains(label))
            {
                missingInRepo.Add(label);
            }
            else if (label == TriageAccepted && !await context.GitHub.IsMemberAsync(comment.Org, comment.Commenter, ct))
            {
                triageRefused = true;
            }
            else if (await RefusalAsync(context, comment, restricted.GetValueOrDefault(label)) is { } refusal)
            {
                await context.GitHub.CreateCommentAsync(comment.Org, comment.Repo, comment.Number, CommandResponse.To(comment, refusal), ct);
            }
            else
            {
                await context.GitHub.AddLabelsAsync(comment.Org, comment.Repo, comment.Number, [label], ct);
            }
        }

        foreach (var label in commands.ToRemove.Distinct(StringComparer.Ordinal))
        {
            if (!IssueLabels.Has(onIssue, label))
            {
                notOnIssue.Add(label);
            }
            else if (await RefusalAsync(context, comment, restricted.GetValueOrDefault(label)) is { } refusal)
            {
                await context.GitHub.CreateCommentAsync(comment.Org, comment.Repo, comment.Number, CommandResponse.To(comment, refusal), ct);
            }
            else
            {
                await context.GitHub.RemoveLabelAsync(comment.Org, comment.Repo, comment.Number, label, ct);
            }
        }

        if (Explanation(config, restricted.Keys, commands.Invalid, missingInRepo, notOnIssue, triageRefused) is { } explanation)
        {
            await context.GitHub.CreateCommentAsync(comment.Org, comment.Repo, comment.Number, CommandResponse.To(comment, explanation), ct);
        }
    }

    public async Task HandlePullRequestAsync(PluginContext context, Clients.GitHub.Events.PullRequestEvent pullRequest)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pullRequest);
        if (pullRequest.Action != "labeled" || pullRequest.Label is not { } added)
        {
            return;
        }

        var (org, repo) = (pullRequest.Repository.Owner.Login, pullRequest.Repository.Name);
        foreach (var restricted in context.Config.Plugins.Label.RestrictedLabelsFor(org, repo).Values)
        {
            if (restricted.AllowedUsers.Count > 0 && restricted.AssignOn.Any(a => string.Equals(a, added.Name, StringComparison.OrdinalIgnoreCase)))
            {
                await context.GitHub.AssignIssueAsync(org, repo, pullRequest.PullRequest.Number, restricted.AllowedUsers, context.CancellationToken);
            }
        }
    }

    public PluginHelp Help(PluginHelpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var additional = context.Config.Plugins.Label.AdditionalLabels;
        return new PluginHelp(
            "Adds and removes labels of the recognised types.",
            "The label plugin adds and removes labels of the types " + string.Join(", ", LabelCommands.Types.Select(t => $"'{t}/*'"))
            + ". More labels can be allowed with /label through label.additional_labels; label.restricted_labels can only be changed by their allowed users and teams, and a restricted label's allowed users are assigned to a pull request that gets one of its assign_on labels. A label must exist in the repository.",
            ["issue_comment", "pull_request_review", "pull_request_review_comment", "pull_request"],
            [new("/[remove-](area|committee|kind|language|priority|sig|triage|wg|label) <target>", "Adds or removes a label of one of the recognised types.",
                ["/kind bug", "/remove-area prow", "/priority critical-urgent", "/triage accepted", "/label tide/merge-method-squash"],
                "Anyone on issues and pull requests. `triage/accepted` only by org members; restricted labels only by their allowed users and teams.")])
        {
            Config = new Dictionary<string, string>
            {
                [""] = additional.Count == 0 ? "No additional labels are configured." : "Additional labels usable with /label: " + string.Join(", ", additional) + ".",
            },
        };
    }

    /// <summary>Why the commenter may not change a restricted label, or null when they may.</summary>
    private static async Task<string?> RefusalAsync(PluginContext context, GenericCommentEvent comment, RestrictedLabel? restricted)
    {
        if (restricted is null || restricted.AllowedUsers.Contains(comment.Commenter, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (var team in restricted.AllowedTeams)
        {
            var members = await context.GitHub.ListTeamMembersBySlugAsync(comment.Org, team, context.CancellationToken);
            if (members.Any(m => string.Equals(m.Login, comment.Commenter, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }
        }

        var who = restricted.AllowedTeams.Count > 0 ? $" Must be a member of one of these teams: {string.Join(", ", restricted.AllowedTeams)}"
            : restricted.AllowedUsers.Count > 0 ? $" Can only be changed by: {string.Join(", ", restricted.AllowedUsers)}"
            : "";
        return $"The label(s) `{restricted.Label}` cannot be applied or removed, because you are neither an allowed user nor in one of the allowed teams.{who}";
    }

    private static string? Explanation(LabelConfig config, IEnumerable<string> restricted, IReadOnlyList<string> invalid, List<string> missingInRepo, List<string> notOnIssue, bool triageRefused) =>
        invalid.Count > 0
            ? $"The label(s) `{string.Join(", ", invalid)}` cannot be applied. These labels are supported: `{string.Join(", ", config.AdditionalLabels.Concat(restricted.Order(StringComparer.Ordinal)))}`. Is the label listed under `label.additional_labels` or `label.restricted_labels` in plugins.yaml?"
        : missingInRepo.Count > 0 ? $"The label(s) `{string.Join(", ", missingInRepo)}` cannot be applied, because the repository does not have them."
        : notOnIssue.Count > 0 ? $"These labels are not on the issue: `{string.Join(", ", notOnIssue)}`"
        : triageRefused ? $"The label `{TriageAccepted}` cannot be applied. Only members of the GitHub organization can add it."
        : null;
}
