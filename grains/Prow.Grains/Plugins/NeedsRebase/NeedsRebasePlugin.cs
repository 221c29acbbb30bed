using Prow.Clients.GitHub;
using Prow.Clients.GitHub.Events;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.NeedsRebase;

/// <summary>
/// Keeps <c>needs-rebase</c> on a pull request while GitHub reports it cannot be merged (mergeable == false), with a
/// comment saying so; when the conflict is gone the label and that comment go. Runs on pull request events (Prow's
/// external plugin also rescans every open pull request daily; that periodic pass is not done here).
/// </summary>
public sealed class NeedsRebasePlugin : IPlugin, IPullRequestHandler
{
    public const string PluginName = "needs-rebase";
    public const string Label = "needs-rebase";
    public const string Message = "PR needs rebase.";

    /// <summary>GitHub computes mergeability in the background after a push: how often and how long to wait for it.</summary>
    private const int MergeabilityAttempts = 4;
    private static readonly TimeSpan s_mergeabilityDelay = TimeSpan.FromSeconds(2);

    public string Name => PluginName;

    public async Task HandlePullRequestAsync(PluginContext context, PullRequestEvent pullRequest)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pullRequest);
        if (pullRequest.Action is not ("opened" or "reopened" or "synchronize" or "edited" or "ready_for_review"))
        {
            return;
        }

        var (org, repo, number) = (pullRequest.Repository.Owner.Login, pullRequest.Repository.Name, pullRequest.PullRequest.Number);
        var pr = await MergeabilityKnownAsync(context, org, repo, number);
        if (pr is null || pr.State != "open" || pr.Merged)
        {
            return;
        }

        var labels = await IssueLabels.CurrentAsync(context, org, repo, number);
        var conflicted = pr.Mergeable == false;
        var labelled = IssueLabels.Has(labels, Label);
        if (conflicted && !labelled)
        {
            await context.GitHub.AddLabelsAsync(org, repo, number, [Label], context.CancellationToken);
            await context.GitHub.CreateCommentAsync(org, repo, number, Comment(pr.User.Login), context.CancellationToken);
        }
        else if (!conflicted && labelled)
        {
            await context.GitHub.RemoveLabelAsync(org, repo, number, Label, context.CancellationToken);
            await DeleteOwnCommentsAsync(context, org, repo, number);
        }
    }

    public PluginHelp Help(PluginHelpContext context) => new(
        "Labels pull requests that need a rebase.",
        $"The needs-rebase plugin adds the {Label} label, with a comment, to a pull request that conflicts with its base branch, and removes both once the conflict is resolved. It looks when the pull request is opened, reopened, edited or pushed to.",
        ["pull_request"],
        []);

    public static string Comment(string author) =>
        $"""
        @{author}: {Message}

        <details>

        This pull request conflicts with its base branch. Rebase it (or merge the base branch into it) and push; the `{Label}` label goes away once GitHub no longer reports a conflict.

        </details>
        """;

    /// <summary>The pull request once GitHub has computed whether it merges; null if it still had not after the retries.</summary>
    private static async Task<PullRequest?> MergeabilityKnownAsync(PluginContext context, string org, string repo, int number)
    {
        for (var attempt = 1; ; attempt++)
        {
            var pr = await context.GitHub.GetPullRequestAsync(org, repo, number, context.CancellationToken);
            if (pr.Mergeable is not null || pr.State != "open")
            {
                return pr;
            }

            if (attempt == MergeabilityAttempts)
            {
                return null;
            }

            await Task.Delay(s_mergeabilityDelay, context.Time, context.CancellationToken);
        }
    }

    private static async Task DeleteOwnCommentsAsync(PluginContext context, string org, string repo, int number)
    {
        var bot = await context.BotLoginAsync();
        var comments = await context.GitHub.ListIssueCommentsAsync(org, repo, number, context.CancellationToken);
        foreach (var stale in comments.Where(c => string.Equals(c.User.Login, bot, StringComparison.OrdinalIgnoreCase) && c.Body.Contains(Message, StringComparison.Ordinal)))
        {
            await context.GitHub.DeleteCommentAsync(org, repo, stale.Id, context.CancellationToken);
        }
    }
}
