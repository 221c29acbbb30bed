using Prow.Clients.GitHub.Events;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.MergeCommitBlocker;

/// <summary>
/// Holds pull requests that contain merge commits with <c>do-not-merge/contains-merge-commits</c>, explaining once
/// how to rebase, and lifts the hold when a push has rebased them away. The commits are the pull request's as GitHub
/// lists them (the same commits as base..head in a clone, which Prow reads, without cloning).
/// </summary>
public sealed class MergeCommitBlockerPlugin : IPlugin, IPullRequestHandler
{
    public const string PluginName = "mergecommitblocker";
    public const string Label = "do-not-merge/contains-merge-commits";

    /// <summary>The bot's explanation, Prow's wording, by which its earlier comments (Prow's too) are found and deleted.</summary>
    public const string Explanation = $"Adding label `{Label}` because PR contains merge commits, which are not allowed in this repository.\nUse `git rebase` to reapply your commits on top of the target branch. Detailed instructions for doing so can be found [here](https://git.k8s.io/community/contributors/guide/github-workflow.md#4-keep-your-branch-in-sync).";

    public string Name => PluginName;

    public async Task HandlePullRequestAsync(PluginContext context, PullRequestEvent pullRequest)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pullRequest);
        if (pullRequest.Action is not ("opened" or "reopened" or "synchronize"))
        {
            return;
        }

        var (org, repo, number) = (pullRequest.Repository.Owner.Login, pullRequest.Repository.Name, pullRequest.PullRequest.Number);
        var commits = await context.GitHub.ListPullRequestCommitsAsync(org, repo, number, context.CancellationToken);
        var merges = commits.Any(c => c.Parents.Count > 1);
        var labels = await IssueLabels.CurrentAsync(context, org, repo, number);
        var labelled = IssueLabels.Has(labels, Label);
        if (labelled && !merges)
        {
            await context.GitHub.RemoveLabelAsync(org, repo, number, Label, context.CancellationToken);
            await BotComments.PruneAsync(context, org, repo, number, body => body.Contains(Explanation, StringComparison.Ordinal));
        }
        else if (!labelled && merges)
        {
            await context.GitHub.AddLabelsAsync(org, repo, number, [Label], context.CancellationToken);
            await context.GitHub.CreateCommentAsync(org, repo, number, BotNotice.Format(Explanation), context.CancellationToken);
        }
    }

    public PluginHelp Help(PluginHelpContext context) => new(
        $"Holds pull requests that contain merge commits with {Label}.",
        $"The mergecommitblocker plugin looks at a pull request's commits whenever it is opened, reopened or pushed to. If any of them is a merge commit it puts on {Label}, which tide's queries exclude, and tells the author to rebase instead; once a push leaves no merge commit the label and the bot's comment go. It has no settings.",
        ["pull_request"],
        []);
}
