using Prow.Clients.GitHub.Events;
using Prow.Grains.Plugins.CherryPickApproved;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.CherryPickUnapproved;

/// <summary>
/// Holds pull requests into release branches (cherry_pick_unapproved.branchregexp) with
/// <c>do-not-merge/cherry-pick-not-approved</c> and the configured comment until they carry <c>cherry-pick-approved</c>;
/// when the approved label arrives, or the base moves off a release branch, the hold and the comment go.
/// </summary>
public sealed class CherryPickUnapprovedPlugin : IPlugin, IPullRequestHandler
{
    public const string PluginName = "cherry-pick-unapproved";

    public string Name => PluginName;

    public async Task HandlePullRequestAsync(PluginContext context, PullRequestEvent pullRequest)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pullRequest);
        var config = context.Config.Plugins.CherryPickUnapproved;
        if (config.BranchRe is not { } releaseBranch)
        {
            return;
        }

        var onReleaseBranch = releaseBranch.IsMatch(pullRequest.PullRequest.Base.Ref);
        switch (pullRequest.Action)
        {
            case "opened" or "reopened" when onReleaseBranch:
                await EnsureAsync(context, pullRequest, config.Comment);
                break;
            case "labeled" or "unlabeled" when onReleaseBranch
                && pullRequest.Label?.Name is CherryPickLabels.Approved or CherryPickLabels.NotApproved:
                await EnsureAsync(context, pullRequest, config.Comment);
                break;
            case "edited" when pullRequest.Changes?.Base?.Ref?.From is { Length: > 0 } previousBase:
                var wasReleaseBranch = releaseBranch.IsMatch(previousBase);
                if (onReleaseBranch && !wasReleaseBranch)
                {
                    await EnsureAsync(context, pullRequest, config.Comment);
                }
                else if (!onReleaseBranch && wasReleaseBranch)
                {
                    await ClearAsync(context, pullRequest, config.Comment);
                }

                break;
        }
    }

    public PluginHelp Help(PluginHelpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var config = context.Config.Plugins.CherryPickUnapproved;
        return new(
            $"Holds cherry-picks into release branches with {CherryPickLabels.NotApproved} until they are labelled {CherryPickLabels.Approved}.",
            $"The cherry-pick-unapproved plugin treats a pull request whose base branch matches cherry_pick_unapproved.branchregexp as a cherry-pick. Unless it already carries {CherryPickLabels.Approved}, it gets {CherryPickLabels.NotApproved}, which tide's queries exclude, and the configured comment. Once {CherryPickLabels.Approved} is put on (by hand or by the cherry-pick-approved plugin), the hold and the comment are taken away; moving the pull request to a branch that is not a release branch takes both labels away.",
            ["pull_request"],
            [])
        {
            Config = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [""] = $"Pull requests into branches matching `{config.BranchRegexp}` are cherry-picks; the comment on them reads:\n{config.Comment}",
            },
        };
    }

    private static async Task EnsureAsync(PluginContext context, PullRequestEvent pullRequest, string comment)
    {
        var (org, repo, number) = (pullRequest.Repository.Owner.Login, pullRequest.Repository.Name, pullRequest.PullRequest.Number);
        var labels = await IssueLabels.CurrentAsync(context, org, repo, number);
        var notApproved = IssueLabels.Has(labels, CherryPickLabels.NotApproved);
        if (IssueLabels.Has(labels, CherryPickLabels.Approved))
        {
            if (notApproved)
            {
                await context.GitHub.RemoveLabelAsync(org, repo, number, CherryPickLabels.NotApproved, context.CancellationToken);
            }

            await BotComments.PruneAsync(context, org, repo, number, body => body.Contains(comment, StringComparison.Ordinal));
            return;
        }

        if (notApproved)
        {
            return;
        }

        await context.GitHub.AddLabelsAsync(org, repo, number, [CherryPickLabels.NotApproved], context.CancellationToken);
        await context.GitHub.CreateCommentAsync(org, repo, number, BotNotice.Format(comment), context.CancellationToken);
    }

    private static async Task ClearAsync(PluginContext context, PullRequestEvent pullRequest, string comment)
    {
        var (org, repo, number) = (pullRequest.Repository.Owner.Login, pullRequest.Repository.Name, pullRequest.PullRequest.Number);
        var labels = await IssueLabels.CurrentAsync(context, org, repo, number);
        foreach (var label in new[] { CherryPickLabels.Approved, CherryPickLabels.NotApproved }.Where(l => IssueLabels.Has(labels, l)))
        {
            await context.GitHub.RemoveLabelAsync(org, repo, number, label, context.CancellationToken);
        }

        await BotComments.PruneAsync(context, org, repo, number, body => body.Contains(comment, StringComparison.Ordinal));
    }
}
