using System.Globalization;
using System.Text.RegularExpressions;
using Prow.Clients.GitHub.Events;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.ReleaseNote;

/// <summary>
/// Keeps exactly one release-note label on a pull request, read from the description's <c>```release-note</c> block:
/// <c>do-not-merge/release-note-label-needed</c> until the block says something (tide's queries exclude that label),
/// <c>release-note-none</c> for "none", <c>release-note-action-required</c> for notes that mention "action required",
/// <c>release-note</c> otherwise. <c>/release-note-none</c> sets "none" by hand; <c>/release-note-edit</c> rewrites the block.
/// </summary>
public sealed partial class ReleaseNotePlugin : IPlugin, IPullRequestHandler, IIssueCommentHandler
{
    public const string PluginName = "release-note";

    private const string ParentNoteMessage = $"All 'parent' PRs of a cherry-pick PR must have one of the \"{ReleaseNoteLabels.Note}\" or \"{ReleaseNoteLabels.ActionRequired}\" labels, or this PR must follow the standard/parent release note labeling requirement.";
    private const string DeprecationMessage = $"Adding the \"{ReleaseNoteLabels.Needed}\" label and removing any existing \"{ReleaseNoteLabels.None}\" label because there is a \"{ReleaseNoteLabels.Deprecation}\" label on the PR.";

    public string Name => PluginName;

    [GeneratedRegex(@"(?mi)^/release-note\s*$")]
    private static partial Regex NoteCommand();

    [GeneratedRegex(@"(?mi)^/release-note-edit\s*$")]
    private static partial Regex EditCommand();

    [GeneratedRegex(@"(?mi)^/release-note-none\s*$")]
    private static partial Regex NoneCommand();

    [GeneratedRegex(@"(?mi)^/release-note-action-required\s*$")]
    private static partial Regex ActionRequiredCommand();

    [GeneratedRegex(@"Cherry pick of #(\d+) on release-(\d+\.\d+).")]
    private static partial Regex CherryPickOf();

    /// <summary>The comment put on a pull request that has no release note (Prow's wording, which tests and people search for).</summary>
    public static string NeededMessage(string guidelinesUrl) =>
        $"Adding the \"{ReleaseNoteLabels.Needed}\" label because no release-note block was detected, please follow our [release note process]({guidelinesUrl}) to remove it.";

    public async Task HandlePullRequestAsync(PluginContext context, PullRequestEvent pullRequest)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pullRequest);
        if (pullRequest.Action is not ("opened" or "edited" or "labeled" or "ready_for_review")
            || (pullRequest.Action == "labeled" && !ReleaseNoteLabels.All.Contains(pullRequest.Label?.Name ?? "", StringComparer.Ordinal)))
        {
            return;
        }

        var (org, repo) = (pullRequest.Repository.Owner.Login, pullRequest.Repository.Name);
        var pr = pullRequest.PullRequest;
        var labels = (await IssueLabels.CurrentAsync(context, org, repo, pr.Number)).ToHashSet(StringComparer.Ordinal);
        var neededMessage = NeededMessage(context.Config.Plugins.ReleaseNote.GuidelinesUrl);
        var wanted = ReleaseNoteLabels.For(pr.Body, [.. labels]);
        if (wanted == ReleaseNoteLabels.Needed)
        {
            if (pr.Merged)
            {
                return;
            }

            if (!await MustFollowProcessAsync(context, pullRequest, labels, comment: true))
            {
                if (labels.Contains(ReleaseNoteLabels.Needed))
                {
                    await context.GitHub.RemoveLabelAsync(org, repo, pr.Number, ReleaseNoteLabels.Needed, context.CancellationToken);
                    labels.Remove(ReleaseNoteLabels.Needed);
                }

                await ClearStaleCommentsAsync(context, pullRequest, labels, neededMessage);
                return;
            }

            if (labels.Contains(ReleaseNoteLabels.Deprecation))
            {
                if (!labels.Contains(ReleaseNoteLabels.Needed))
                {
                    await context.GitHub.CreateCommentAsync(org, repo, pr.Number, BotNotice.Format(DeprecationMessage), context.CancellationToken);
                }
            }
            else if ((await context.GitHub.ListIssueCommentsAsync(org, repo, pr.Number, context.CancellationToken)).Any(c => NoneCommand().IsMatch(c.Body)))
            {
                wanted = ReleaseNoteLabels.None;
            }
            else if (!labels.Contains(ReleaseNoteLabels.Needed))
            {
                await context.GitHub.CreateCommentAsync(org, repo, pr.Number, BotNotice.Format(neededMessage), context.CancellationToken);
            }
        }

        if (labels.Add(wanted))
        {
            await context.GitHub.AddLabelsAsync(org, repo, pr.Number, [wanted], context.CancellationToken);
        }

        await RemoveOthersAsync(context, org, repo, pr.Number, wanted, labels);
        await ClearStaleCommentsAsync(context, pullRequest, labels, neededMessage);
    }

    public async Task HandleIssueCommentAsync(PluginContext context, IssueCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (!comment.Issue.IsPullRequest || comment.Action != "created")
        {
            return;
        }

        var (org, repo, number) = (comment.Repository.Owner.Login, comment.Repository.Name, comment.Issue.Number);
        var asked = GenericCommentEvent.From(comment, "")!;
        var body = comment.Comment.Body;
        if (EditCommand().IsMatch(body))
        {
            await EditNoteAsync(context, comment, asked);
            return;
        }

        var deprecated = NoteCommand().IsMatch(body) || ActionRequiredCommand().IsMatch(body);
        if (!deprecated && !NoneCommand().IsMatch(body))
        {
            return;
        }

        if (deprecated)
        {
            await ReplyAsync(context, asked, $"the `/{ReleaseNoteLabels.Note}` and `/{ReleaseNoteLabels.ActionRequired}` commands have been deprecated.\nPlease edit the `release-note` block in the PR body text to include the release note. If the release note requires additional action include the string `action required` in the release note. For example:\n````\n```release-note\nSome release note with action required.\n```\n````");
            return;
        }

        var labels = (await IssueLabels.CurrentAsync(context, org, repo, number)).ToHashSet(StringComparer.Ordinal);
        var user = comment.Comment.User.Login;
        if (!await context.GitHub.IsMemberAsync(org, user, context.CancellationToken)
            && !string.Equals(comment.Issue.User.Login, user, StringComparison.OrdinalIgnoreCase))
        {
            await ReplyAsync(context, asked, $"you can only set the release note label to {ReleaseNoteLabels.None} if you are the PR author or an org member.");
            return;
        }

        if (ReleaseNoteLabels.For(comment.Issue.Body, [.. labels]) is ReleaseNoteLabels.Note or ReleaseNoteLabels.ActionRequired)
        {
            await ReplyAsync(context, asked, $"you can only set the release note label to {ReleaseNoteLabels.None} if the release-note block in the PR body text is empty or \"none\".");
            return;
        }

        if (labels.Contains(ReleaseNoteLabels.Deprecation))
        {
            await ReplyAsync(context, asked, $"you can not set the release note label to \"{ReleaseNoteLabels.None}\" because the PR has the label \"{ReleaseNoteLabels.Deprecation}\".");
            return;
        }

        if (labels.Add(ReleaseNoteLabels.None))
        {
            await context.GitHub.AddLabelsAsync(org, repo, number, [ReleaseNoteLabels.None], context.CancellationToken);
        }

        await RemoveOthersAsync(context, org, repo, number, ReleaseNoteLabels.None, labels);
    }

    public PluginHelp Help(PluginHelpContext context) => new(
        "Asks every pull request for a release note and labels it by what the note says.",
        $"The release-note plugin reads the ```release-note block in a pull request's description. While the block is missing or empty the pull request carries {ReleaseNoteLabels.Needed}, which keeps tide from merging it, and the bot says so once. A block that says \"none\" gives {ReleaseNoteLabels.None}; one that mentions \"action required\" gives {ReleaseNoteLabels.ActionRequired}; any other note gives {ReleaseNoteLabels.Note}. A cherry-pick into a release branch whose parents all have a release note needs none of its own. The guidelines it links to are release_note.guidelines_url.",
        ["issue_comment", "pull_request"],
        [
            new("/release-note-none", $"Marks the pull request as needing no release note ({ReleaseNoteLabels.None}). Refused when the description already holds a real note or the pull request is labelled {ReleaseNoteLabels.Deprecation}; writing \"NONE\" in the release-note block does the same.", ["/release-note-none"], "The pull request's author and members of the organisation"),
            new("/release-note-edit", "Replaces the release-note block in the description with the block given in the comment.", ["/release-note-edit\r\n```release-note\r\nThe new release note\r\n```"], "Members of the organisation"),
        ]);

    private static async Task EditNoteAsync(PluginContext context, IssueCommentEvent comment, GenericCommentEvent asked)
    {
        var (org, repo, number) = (comment.Repository.Owner.Login, comment.Repository.Name, comment.Issue.Number);
        if (!await context.GitHub.IsMemberAsync(org, comment.Comment.User.Login, context.CancellationToken))
        {
            await ReplyAsync(context, asked, "You must be an org member to edit the release note.");
            return;
        }

        var note = ReleaseNoteLabels.NoteIn(comment.Comment.Body);
        if (note.Length == 0)
        {
            await ReplyAsync(context, asked, "/release-note-edit must be used with a release note block.");
            return;
        }

        var description = comment.Issue.Body ?? "";
        var block = ReleaseNoteLabels.NoteBlock().Match(description);
        if (!block.Success)
        {
            await ReplyAsync(context, asked, "/release-note-edit must be used with a single release note block.");
            return;
        }

        // The edit comes back as a pull_request "edited" event, which sets the labels.
        var inner = block.Groups[1];
        var edited = string.Concat(description.AsSpan(0, inner.Index), "\r\n" + note + "\r\n", description.AsSpan(inner.Index + inner.Length));
        await context.GitHub.EditIssueBodyAsync(org, repo, number, edited, context.CancellationToken);
    }

    private static Task ReplyAsync(PluginContext context, GenericCommentEvent asked, string message) =>
        context.GitHub.CreateCommentAsync(asked.Org, asked.Repo, asked.Number, CommandResponse.To(asked, message), context.CancellationToken);

    private static async Task RemoveOthersAsync(PluginContext context, string org, string repo, int number, string kept, HashSet<string> labels)
    {
        foreach (var other in ReleaseNoteLabels.All.Where(l => l != kept && labels.Contains(l)))
        {
            await context.GitHub.RemoveLabelAsync(org, repo, number, other, context.CancellationToken);
            labels.Remove(other);
        }
    }

    /// <summary>
    /// Prow's rule: pull requests into master always need a note; a cherry-pick ("Cherry pick of #N on release-X.Y.")
    /// needs one only while some parent has neither a note nor an action-required note.
    /// </summary>
    private static async Task<bool> MustFollowProcessAsync(PluginContext context, PullRequestEvent pullRequest, HashSet<string> labels, bool comment)
    {
        var pr = pullRequest.PullRequest;
        if (pr.Base.Ref == "master")
        {
            return true;
        }

        var parents = (pr.Body ?? "").Split('\n')
            .Select(line => CherryPickOf().Match(line))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .ToList();
        if (parents.Count == 0)
        {
            return true;
        }

        var (org, repo) = (pullRequest.Repository.Owner.Login, pullRequest.Repository.Name);
        var noteless = new List<string>();
        foreach (var parent in parents)
        {
            var parentLabels = await IssueLabels.CurrentAsync(context, org, repo, parent);
            if (!parentLabels.Contains(ReleaseNoteLabels.Note, StringComparer.Ordinal) && !parentLabels.Contains(ReleaseNoteLabels.ActionRequired, StringComparer.Ordinal))
            {
                noteless.Add("#" + parent.ToString(CultureInfo.InvariantCulture));
            }
        }

        if (noteless.Count == 0)
        {
            return false;
        }

        if (comment && !labels.Contains(ReleaseNoteLabels.Needed))
        {
            var reason = $"The following parent PRs have neither the \"{ReleaseNoteLabels.Note}\" nor the \"{ReleaseNoteLabels.ActionRequired}\" labels: {string.Join(", ", noteless)}.";
            await context.GitHub.CreateCommentAsync(org, repo, pr.Number, $"@{pr.User.Login}: {ParentNoteMessage}\n\n<details>\n\n{reason}\n\n</details>", context.CancellationToken);
        }

        return true;
    }

    /// <summary>Once a pull request has its note (or needs none), the bot's requests for one are deleted.</summary>
    private static async Task ClearStaleCommentsAsync(PluginContext context, PullRequestEvent pullRequest, HashSet<string> labels, string neededMessage)
    {
        var hasNote = labels.Contains(ReleaseNoteLabels.Note) || labels.Contains(ReleaseNoteLabels.ActionRequired) || labels.Contains(ReleaseNoteLabels.None);
        if (!hasNote && await MustFollowProcessAsync(context, pullRequest, labels, comment: false))
        {
            return;
        }

        var (org, repo) = (pullRequest.Repository.Owner.Login, pullRequest.Repository.Name);
        var bot = await context.BotLoginAsync();
        var comments = await context.GitHub.ListIssueCommentsAsync(org, repo, pullRequest.PullRequest.Number, context.CancellationToken);
        foreach (var stale in comments.Where(c => string.Equals(c.User.Login, bot, StringComparison.OrdinalIgnoreCase)
            && (c.Body.Contains(neededMessage, StringComparison.Ordinal) || c.Body.Contains(ParentNoteMessage, StringComparison.Ordinal))))
        {
            await context.GitHub.DeleteCommentAsync(org, repo, stale.Id, context.CancellationToken);
        }
    }
}
