using System.Text.RegularExpressions;
using Prow.Clients.GitHub;
using Prow.Clients.GitHub.Events;
using Prow.Grains.OwnersFiles;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Approve;

/// <summary>
/// Keeps the <c>approved</c> label and the approval notifier comment of a pull request in step with its approvals:
/// the label is on when approvers from the OWNERS files cover every changed file. Runs on approval commands, on
/// reviews and when the pull request is opened, reopened or updated.
/// </summary>
public sealed partial class ApprovePlugin(RepoOwnersLoader ownersLoader) : IPlugin, IGenericCommentHandler, IPullRequestReviewHandler, IPullRequestHandler
{
    public const string PluginName = "approve";
    public const string ApprovedLabel = "approved";

    public string Name => PluginName;

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (comment.Action != GenericCommentEvent.Created || !comment.IsPullRequest || comment.IssueState == "closed"
            || !Approvals.HasCommand(comment.Body, context.Config.Plugins.ApproveFor(comment.Org, comment.Repo).LgtmActsAsApprove == true)
            || IsBot(comment.Commenter, await context.BotLoginAsync()))
        {
            return;
        }

        await UpdateAsync(context, comment.Org, comment.Repo, comment.Number);
    }

    public async Task HandlePullRequestReviewAsync(PluginContext context, PullRequestReviewEvent review)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(review);
        var (org, repo) = (review.Repository.Owner.Login, review.Repository.Name);
        var options = context.Config.Plugins.ApproveFor(org, repo);
        // A review whose text holds a command is handled as a comment; the command outranks the review's state.
        if (review.Action is not ("submitted" or "dismissed")
            || Approvals.HasCommand(review.Review.Body ?? "", options.LgtmActsAsApprove == true)
            || !Approvals.IsDecisiveReview(review.Review.State, options.ConsiderReviewState)
            || IsBot(review.Review.User.Login, await context.BotLoginAsync()))
        {
            return;
        }

        await UpdateAsync(context, org, repo, review.PullRequest.Number);
    }

    public async Task HandlePullRequestAsync(PluginContext context, PullRequestEvent pullRequest)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pullRequest);
        // A person adding the approved label approves by hand, over the OWNERS rules.
        var labelledByHand = pullRequest.Action == "labeled" && pullRequest.Label?.Name == ApprovedLabel && pullRequest.PullRequest.State == "open"
            && !IsBot(pullRequest.Sender.Login, await context.BotLoginAsync());
        if (pullRequest.Action is "opened" or "reopened" or "synchronize" || labelledByHand)
        {
            await UpdateAsync(context, pullRequest.Repository.Owner.Login, pullRequest.Repository.Name, pullRequest.PullRequest.Number);
        }
    }

    public PluginHelp Help(PluginHelpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new PluginHelp(
            "Approves pull requests on behalf of the OWNERS of the files they change.",
            $"The approve plugin manages the '{ApprovedLabel}' label and an approval notifier comment. A pull request is approved when the people who approved it can, between them, approve every changed file: someone can approve a file when they (or an alias they belong to) are listed under 'approvers' in an OWNERS file in the file's directory or above it (up to a no_parent_owners). The notifier comment lists the OWNERS files still waiting and suggests whom to ask; it is edited in place as approvals change.",
            ["issue_comment", "pull_request_review", "pull_request_review_comment", "pull_request"],
            [new("/[remove-]approve [no-issue|cancel]", "Approves the pull request, or withdraws your approval ('no-issue' also waives the linked-issue requirement).", ["/approve", "/approve no-issue", "/approve cancel", "/remove-approve"], "Users listed as 'approvers' in the OWNERS files of the changed files.", Featured: true)])
        {
            Config = context.EnabledRepos.ToDictionary(r => r, r => Describe(context, r), StringComparer.Ordinal),
        };
    }

    private async Task UpdateAsync(PluginContext context, string org, string repo, int number)
    {
        var ct = context.CancellationToken;
        var gitHub = context.GitHub;
        var options = context.Config.Plugins.ApproveFor(org, repo);
        var pr = await gitHub.GetPullRequestAsync(org, repo, number, ct);
        if (pr.State == "closed")
        {
            return;
        }

        var files = (await gitHub.ListPullRequestFilesAsync(org, repo, number, ct)).Select(f => f.Filename).ToList();
        var owners = await ownersLoader.LoadAsync(gitHub, context.Config, org, repo, pr.Base.Ref, files, ct);
        var bot = await context.BotLoginAsync();
        var comments = await gitHub.ListIssueCommentsAsync(org, repo, number, ct);
        var reviews = await gitHub.ListReviewsAsync(org, repo, number, ct);
        var reviewComments = await gitHub.ListReviewCommentsAsync(org, repo, number, ct);
        var prUrl = pr.HtmlUrl ?? $"https://github.com/{org}/{repo}/pull/{number}";
        var timeline = comments.Where(c => !IsBot(c.User.Login, bot))
            .Select(c => new ApprovalEvent(c.User.Login, c.Body, c.CreatedAt ?? DateTimeOffset.MinValue, c.HtmlUrl ?? prUrl))
            .Concat(reviewComments.Where(c => !IsBot(c.User.Login, bot))
                .Select(c => new ApprovalEvent(c.User.Login, c.Body, c.CreatedAt ?? DateTimeOffset.MinValue, c.HtmlUrl ?? prUrl)))
            .Concat(reviews.Where(r => !IsBot(r.User.Login, bot))
                .Select(r => new ApprovalEvent(r.User.Login, r.Body ?? "", r.SubmittedAt ?? DateTimeOffset.MinValue, $"{prUrl}#pullrequestreview-{r.Id}", r.State)));
        var approvals = Approvals.Read(timeline, pr.User.Login, prUrl, options);

        // Without self-approval the author is still a good person to suggest, as if assigned.
        var assignees = pr.Assignees.Select(a => a.Login.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        if (!options.HasSelfApproval)
        {
            assignees.Add(pr.User.Login.ToLowerInvariant());
        }

        var labelled = pr.Labels.Any(l => l.Name == ApprovedLabel);
        var manually = labelled && await LabelledByHandAsync(context, org, repo, number, bot);
        var facts = new ApprovalNotification.Facts(org, repo, pr.Base.Ref, new ApprovalCoverage(owners, files), approvals, assignees, number,
            options.IssueRequired == true, AssociatedIssue(pr.Body ?? "", org), options.CommandHelpLink, options.PrProcessLink, manually, OwnersLayout.For(context.Config, org, repo).Filenames.Owners);
        await NotifyAsync(context, org, repo, number, comments.Where(c => IsBot(c.User.Login, bot) && ApprovalNotification.IsNotification(c.Body)).ToList(), ApprovalNotification.Message(facts));

        if (facts.IsApproved && !labelled)
        {
            await gitHub.AddLabelsAsync(org, repo, number, [ApprovedLabel], ct);
        }
        else if (!facts.IsApproved && labelled)
        {
            await gitHub.RemoveLabelAsync(org, repo, number, ApprovedLabel, ct);
        }
    }

    /// <summary>One notifier comment per pull request: edited when its content changes, never posted twice.</summary>
    private static async Task NotifyAsync(PluginContext context, string org, string repo, int number, IReadOnlyList<IssueComment> notifications, string message)
    {
        var ct = context.CancellationToken;
        if (notifications.Count == 0)
        {
            await context.GitHub.CreateCommentAsync(org, repo, number, message, ct);
            return;
        }

        var latest = notifications[^1];
        foreach (var older in notifications.Take(notifications.Count - 1))
        {
            await context.GitHub.DeleteCommentAsync(org, repo, older.Id, ct);
        }

        if (latest.Body != message)
        {
            await context.GitHub.EditCommentAsync(org, repo, latest.Id, message, ct);
        }
    }

    /// <summary>Whether the approved label's latest addition was by a person rather than this bot.</summary>
    private static async Task<bool> LabelledByHandAsync(PluginContext context, string org, string repo, int number, string bot)
    {
        var events = await context.GitHub.ListIssueEventsAsync(org, repo, number, context.CancellationToken);
        // Without knowing the bot's login nobody can be told apart from it: no manual approval then.
        return bot.Length > 0 && events.LastOrDefault(e => e.Event == "labeled" && e.Label?.Name == ApprovedLabel) is { } added && !IsBot(added.Actor.Login, bot);
    }

    /// <summary>The first issue the description links (<c>#12</c> or an issue URL in the same org), as Prow finds it.</summary>
    private static int? AssociatedIssue(string body, string org)
    {
        var match = Regex.Match(body, $@"(?:{Regex.Escape($"https://github.com/{org}/")}[^/]+/issues/|#)(\d+)", RegexOptions.None, TimeSpan.FromSeconds(1));
        return match.Success && int.TryParse(match.Groups[1].Value, out var issue) ? issue : null;
    }

    private static bool IsBot(string login, string bot) => bot.Length > 0 && string.Equals(login, bot, StringComparison.OrdinalIgnoreCase);

    private static string Describe(PluginHelpContext context, string scope)
    {
        var parts = scope.Split('/');
        var options = context.Config.Plugins.ApproveFor(parts[0], parts.Length > 1 ? parts[1] : "");
        return $"Pull requests {(options.IssueRequired == true ? "" : "do not ")}require an associated issue.<br>"
            + $"Authors {(options.HasSelfApproval ? "" : "do not ")}implicitly approve their own pull requests.<br>"
            + $"/lgtm {(options.LgtmActsAsApprove == true ? "also" : "does not")} act as approval.<br>"
            + $"Approving and changes-requested reviews {(options.ConsiderReviewState ? "" : "do not ")}act as /approve and /approve cancel.";
    }
}
