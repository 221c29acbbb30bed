using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Prow.Clients.GitHub;
using Prow.Clients.GitHub.Events;
using Prow.Config.Plugins;
using Prow.Grains.OwnersFiles;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Lgtm;

/// <summary>
/// The <c>lgtm</c> label: added by <c>/lgtm</c> (or an approving review, with review_acts_as_lgtm) from a
/// collaborator, or from a reviewer or approver in OWNERS where owners.skip_collaborators names the repo; removed by
/// <c>/lgtm cancel</c> (the author may cancel too) and by a push, unless store_tree_hash finds the code unchanged or
/// the author is in the trusted_team_for_sticky_lgtm.
/// </summary>
public sealed partial class LgtmPlugin(RepoOwnersLoader ownersLoader) : IPlugin, IGenericCommentHandler, IPullRequestReviewHandler, IPullRequestHandler
{
    public const string PluginName = "lgtm";
    public const string LgtmLabel = "lgtm";

    public string Name => PluginName;

    [GeneratedRegex(@"(?mi)^/lgtm(?: no-issue)?\s*$")]
    private static partial Regex AddLgtm();

    [GeneratedRegex(@"(?mi)^/(?:remove-lgtm|lgtm cancel)\s*$")]
    private static partial Regex CancelLgtm();

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (comment.Action != GenericCommentEvent.Created || !comment.IsPullRequest || comment.IssueState != "open")
        {
            return;
        }

        bool wanted;
        if (Commands.Has(AddLgtm(), comment.Body))
        {
            wanted = true;
        }
        else if (Commands.Has(CancelLgtm(), comment.Body))
        {
            wanted = false;
        }
        else
        {
            return;
        }

        await ChangeAsync(context, comment.Org, comment.Repo, comment.Number, comment.Commenter, wanted);
    }

    public async Task HandlePullRequestReviewAsync(PluginContext context, PullRequestReviewEvent review)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(review);
        var (org, repo) = (review.Repository.Owner.Login, review.Repository.Name);
        var body = review.Review.Body ?? "";
        // A review whose text says /lgtm or /lgtm cancel is handled as a comment.
        if (review.Action != "submitted" || !context.Config.Plugins.LgtmFor(org, repo).ReviewActsAsLgtm
            || Commands.Has(AddLgtm(), body) || Commands.Has(CancelLgtm(), body) || review.PullRequest.State != "open")
        {
            return;
        }

        switch (review.Review.State.ToUpperInvariant())
        {
            case "APPROVED":
                await ChangeAsync(context, org, repo, review.PullRequest.Number, review.Review.User.Login, wanted: true);
                break;
            case "CHANGES_REQUESTED":
                await ChangeAsync(context, org, repo, review.PullRequest.Number, review.Review.User.Login, wanted: false);
                break;
        }
    }

    public async Task HandlePullRequestAsync(PluginContext context, PullRequestEvent pullRequest)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pullRequest);
        var pr = pullRequest.PullRequest;
        if (pullRequest.Action != "synchronize" || pr.Merged)
        {
            return;
        }

        var (org, repo, number) = (pullRequest.Repository.Owner.Login, pullRequest.Repository.Name, pr.Number);
        var options = context.Config.Plugins.LgtmFor(org, repo);
        var ct = context.CancellationToken;
        var labels = await context.GitHub.ListIssueLabelsAsync(org, repo, number, ct);
        if (!labels.Any(l => l.Name == LgtmLabel) || await IsStickyAsync(context, options, org, pr.User.Login))
        {
            return;
        }

        if (options.StoreTreeHash)
        {
            var bot = await context.BotLoginAsync();
            var comments = await context.GitHub.ListIssueCommentsAsync(org, repo, number, ct);
            var recorded = comments.LastOrDefault(c => string.Equals(c.User.Login, bot, StringComparison.OrdinalIgnoreCase) && c.CreatedAt == c.UpdatedAt && LgtmReplies.TreeHashIn(c.Body) is not null);
            if (recorded is not null && LgtmReplies.TreeHashIn(recorded.Body) == await context.GitHub.GetCommitTreeShaAsync(org, repo, pr.Head.Sha, ct))
            {
                return; // a rebase or an empty push: the code that got the LGTM is still what would merge
            }
        }

        await context.GitHub.CreateCommentAsync(org, repo, number, LgtmReplies.RemovedOnPush, ct);
        await context.GitHub.RemoveLabelAsync(org, repo, number, LgtmLabel, ct);
    }

    public PluginHelp Help(PluginHelpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new PluginHelp(
            "Adds or removes the 'lgtm' label.",
            $"The lgtm plugin manages the '{LgtmLabel}' label, which usually marks a pull request as reviewed and ready to merge. It is removed again when new commits are pushed (unless store_tree_hash sees the same code).",
            ["issue_comment", "pull_request_review", "pull_request_review_comment", "pull_request"],
            [new("/[remove-]lgtm [cancel] or a GitHub review", "Adds or removes the 'lgtm' label. An approving review adds it and a changes-requested review removes it where review_acts_as_lgtm is set.", ["/lgtm", "/lgtm cancel", "/remove-lgtm"], "Collaborators of the repository (reviewers or approvers in OWNERS where owners.skip_collaborators is set). The author cannot /lgtm their own pull request but may cancel.", Featured: true)])
        {
            Config = context.EnabledRepos.ToDictionary(r => r, r => Describe(context, r), StringComparer.Ordinal),
        };
    }

    /// <summary>Adds or removes the label for <paramref name="user"/>, or says why they may not.</summary>
    private async Task ChangeAsync(PluginContext context, string org, string repo, int number, string user, bool wanted)
    {
        var gitHub = context.GitHub;
        var ct = context.CancellationToken;
        var pr = await gitHub.GetPullRequestAsync(org, repo, number, ct);
        var isAuthor = string.Equals(user, pr.User.Login, StringComparison.OrdinalIgnoreCase);
        if (isAuthor && wanted)
        {
            await gitHub.CreateCommentAsync(org, repo, number, LgtmReplies.To(user, LgtmReplies.OwnPullRequest), ct);
            return;
        }

        if (!isAuthor && await RefusalAsync(context, org, repo, pr, user) is { } refusal)
        {
            await gitHub.CreateCommentAsync(org, repo, number, LgtmReplies.To(user, refusal), ct);
            return;
        }

        // Whoever looks good to merge a pull request takes it on.
        if (wanted && !isAuthor && !pr.Assignees.Any(a => string.Equals(a.Login, user, StringComparison.OrdinalIgnoreCase)))
        {
            await gitHub.AssignIssueAsync(org, repo, number, [user], ct);
        }

        var labelled = pr.Labels.Any(l => l.Name == LgtmLabel);
        if (labelled && !wanted)
        {
            await gitHub.RemoveLabelAsync(org, repo, number, LgtmLabel, ct);
        }
        else if (!labelled && wanted)
        {
            await gitHub.AddLabelsAsync(org, repo, number, [LgtmLabel], ct);
            await AfterAddedAsync(context, org, repo, pr);
        }
    }

    /// <summary>Null when <paramref name="user"/> may change the label, else the reason they may not.</summary>
    private async Task<string?> RefusalAsync(PluginContext context, string org, string repo, PullRequest pr, string user)
    {
        var ct = context.CancellationToken;
        if (!context.Config.Plugins.Owners.SkipCollaboratorsFor(org, repo))
        {
            return await context.GitHub.IsCollaboratorAsync(org, repo, user, ct) ? null : LgtmReplies.NotCollaborator;
        }

        var files = (await context.GitHub.ListPullRequestFilesAsync(org, repo, pr.Number, ct)).Select(f => f.Filename).ToList();
        var owners = await ownersLoader.LoadAsync(context.GitHub, context.Config, org, repo, pr.Base.Ref, files, ct);
        var login = user.ToLowerInvariant();
        return files.Any(f => owners.Reviewers(f).Contains(login) || owners.Approvers(f).Contains(login)) ? null : LgtmReplies.NotInOwners;
    }

    /// <summary>Records the tree the LGTM was given to (store_tree_hash) and drops the now stale "removed" notes.</summary>
    private static async Task AfterAddedAsync(PluginContext context, string org, string repo, PullRequest pr)
    {
        var ct = context.CancellationToken;
        var bot = await context.BotLoginAsync();
        foreach (var stale in (await context.GitHub.ListIssueCommentsAsync(org, repo, pr.Number, ct))
                     .Where(c => string.Equals(c.User.Login, bot, StringComparison.OrdinalIgnoreCase) && c.Body.Contains(LgtmReplies.RemovedOnPush, StringComparison.Ordinal)))
        {
            await context.GitHub.DeleteCommentAsync(org, repo, stale.Id, ct);
        }

        if (context.Config.Plugins.LgtmFor(org, repo).StoreTreeHash)
        {
            var tree = await context.GitHub.GetCommitTreeShaAsync(org, repo, pr.Head.Sha, ct);
            await context.GitHub.CreateCommentAsync(org, repo, pr.Number, LgtmReplies.Added(tree), ct);
        }
    }

    /// <summary>Whether the author belongs to trusted_team_for_sticky_lgtm (a slug in the repo's org, or "org/slug").</summary>
    private static async Task<bool> IsStickyAsync(PluginContext context, LgtmConfig options, string org, string author)
    {
        if (options.TrustedTeamForStickyLgtm is not { Length: > 0 } team)
        {
            return false;
        }

        var slash = team.IndexOf('/', StringComparison.Ordinal);
        var (teamOrg, slug) = slash < 0 ? (org, team) : (team[..slash], team[(slash + 1)..]);
        try
        {
            var members = await context.GitHub.ListTeamMembersBySlugAsync(teamOrg, slug, context.CancellationToken);
            return members.Any(m => string.Equals(m.Login, author, StringComparison.OrdinalIgnoreCase));
        }
        catch (GitHubApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // A team that does not exist (or that the bot cannot see) trusts nobody; the push still removes the label.
            LogStickyTeamMissing(context.Logger, team, org);
            return false;
        }
    }

    private static string Describe(PluginHelpContext context, string scope)
    {
        var parts = scope.Split('/');
        var options = context.Config.Plugins.LgtmFor(parts[0], parts.Length > 1 ? parts[1] : "");
        return $"Approving reviews {(options.ReviewActsAsLgtm ? "" : "do not ")}act as /lgtm.<br>"
            + $"A push {(options.StoreTreeHash ? "keeps the label when the code (git tree) is unchanged" : "always removes the label")}."
            + (options.TrustedTeamForStickyLgtm is { Length: > 0 } team ? $"<br>Pull requests by members of {team} keep the label on a push." : "");
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Warning, Message = "lgtm: trusted_team_for_sticky_lgtm {Team} not found for {Org}")]
    private static partial void LogStickyTeamMissing(ILogger logger, string team, string org);
}
