using Prow.Clients.GitHub;
using Prow.Clients.GitHub.Events;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.NeedsRebase;

/// <summary>
/// Keeps <c>needs-rebase</c> on a pull request while GitHub reports it cannot be merged (mergeable == false), with a
/// comment saying so; when the conflict is gone the label and that comment go. Looks when a pull request is opened,
/// reopened, edited or pushed to, and at every open pull request into a branch when that branch moves (a merge can
/// put the others in conflict). <see cref="NeedsRebaseRescan"/> also looks at every open pull request periodically, as
/// Prow's external plugin does.
/// </summary>
public sealed class NeedsRebasePlugin : IPlugin, IPullRequestHandler, IPushHandler
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

        var (org, repo) = (pullRequest.Repository.Owner.Login, pullRequest.Repository.Name);
        foreach (var pr in await WithKnownMergeabilityAsync(context, org, repo, [pullRequest.PullRequest.Number]))
        {
            await ReconcileAsync(context, org, repo, pr, await IssueLabels.CurrentAsync(context, org, repo, pr.Number));
        }
    }

    public async Task HandlePushAsync(PluginContext context, PushEvent push)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(push);
        if (push.Branch is not { } branch || push.Deleted)
        {
            return;
        }

        var (org, repo) = (push.Repository.Owner.Login, push.Repository.Name);
        var open = await context.GitHub.SearchIssuesAsync($"is:pr is:open repo:{org}/{repo} base:\"{branch}\"", context.CancellationToken);
        foreach (var pr in await WithKnownMergeabilityAsync(context, org, repo, [.. open.Select(i => i.Number)]))
        {
            await ReconcileAsync(context, org, repo, pr, await IssueLabels.CurrentAsync(context, org, repo, pr.Number));
        }
    }

    public PluginHelp Help(PluginHelpContext context) => new(
        "Labels pull requests that need a rebase.",
        $"The needs-rebase plugin adds the {Label} label, with a comment, to a pull request that conflicts with its base branch, and removes both once the conflict is resolved. It looks when the pull request is opened, reopened, edited or pushed to, at every open pull request into a branch when that branch moves, and at every open pull request once per --needs-rebase-update-period (a day by default).",
        ["pull_request", "push"],
        []);

    public static string Comment(string author) =>
        $"""
        @{author}: {Message}

        <details>

        This pull request conflicts with its base branch. Rebase it (or merge the base branch into it) and push; the `{Label}` label goes away once GitHub no longer reports a conflict.

        </details>
        """;

    /// <param name="labels">The pull request's labels as they are now.</param>
    internal static async Task ReconcileAsync(PluginContext context, string org, string repo, PullRequest pr, IReadOnlyList<string> labels)
    {
        var conflicted = pr.Mergeable == false;
        var labelled = IssueLabels.Has(labels, Label);
        if (conflicted && !labelled)
        {
            await context.GitHub.AddLabelsAsync(org, repo, pr.Number, [Label], context.CancellationToken);
            await context.GitHub.CreateCommentAsync(org, repo, pr.Number, Comment(pr.User.Login), context.CancellationToken);
        }
        else if (!conflicted && labelled)
        {
            await context.GitHub.RemoveLabelAsync(org, repo, pr.Number, Label, context.CancellationToken);
            await DeleteOwnCommentsAsync(context, org, repo, pr.Number);
        }
    }

    /// <summary>
    /// The open pull requests among <paramref name="numbers"/> once GitHub has computed whether they merge. Asking starts
    /// the computation, so all are asked first and only those still unknown are asked again after a pause; any still
    /// unknown after the last attempt are left for the next event.
    /// </summary>
    private static async Task<List<PullRequest>> WithKnownMergeabilityAsync(PluginContext context, string org, string repo, IReadOnlyList<int> numbers)
    {
        var known = new List<PullRequest>();
        var unknown = numbers;
        for (var attempt = 1; unknown.Count > 0; attempt++)
        {
            var stillUnknown = new List<int>();
            foreach (var number in unknown)
            {
                var pr = await context.GitHub.GetPullRequestAsync(org, repo, number, context.CancellationToken);
                if (pr.State != "open" || pr.Merged)
                {
                    continue;
                }

                if (pr.Mergeable is null)
                {
                    stillUnknown.Add(number);
                }
                else
                {
                    known.Add(pr);
                }
            }

            if (stillUnknown.Count == 0 || attempt == MergeabilityAttempts)
            {
                break;
            }

            unknown = stillUnknown;
            await Task.Delay(s_mergeabilityDelay, context.Time, context.CancellationToken);
        }

        return known;
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
