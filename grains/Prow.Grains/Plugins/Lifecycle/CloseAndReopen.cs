using System.Text.RegularExpressions;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Lifecycle;

/// <summary>
/// <c>/close</c> and <c>/reopen</c>: allowed for the issue's author and the repository's collaborators; anyone may close
/// an issue that is already stale or rotten. The bot says who asked, so the history shows it.
/// </summary>
internal static partial class CloseAndReopen
{
    public const string WhoCanUse = "The author of the issue or pull request and collaborators on the repository.";

    [GeneratedRegex(@"(?mi)^/close\s*$")]
    private static partial Regex Close();

    [GeneratedRegex(@"(?mi)^/close not-planned\s*$")]
    private static partial Regex CloseNotPlanned();

    [GeneratedRegex(@"(?mi)^/reopen\s*$")]
    private static partial Regex Reopen();

    public static async Task HandleAsync(PluginContext context, GenericCommentEvent comment)
    {
        var notPlanned = Commands.Has(CloseNotPlanned(), comment.Body);
        if (comment.IssueState == "open" && (notPlanned || Commands.Has(Close(), comment.Body)))
        {
            await CloseAsync(context, comment, notPlanned);
        }
        else if (comment.IssueState == "closed" && Commands.Has(Reopen(), comment.Body))
        {
            await ReopenAsync(context, comment);
        }
    }

    private static async Task CloseAsync(PluginContext context, GenericCommentEvent comment, bool notPlanned)
    {
        var (org, repo, number, ct) = (comment.Org, comment.Repo, comment.Number, context.CancellationToken);
        if (!await IsAuthorOrCollaboratorAsync(context, comment) && await IsActiveAsync(context, comment))
        {
            await ReplyAsync(context, comment, "You cannot close an active issue or pull request unless you are its author or a collaborator on the repository.");
            return;
        }

        if (comment.IsPullRequest && notPlanned)
        {
            await ReplyAsync(context, comment, "Pull requests cannot be closed as not planned.");
            return;
        }

        if (comment.IsPullRequest)
        {
            await context.GitHub.ClosePullRequestAsync(org, repo, number, ct);
            await ReplyAsync(context, comment, "Closed this PR.");
        }
        else if (notPlanned)
        {
            await context.GitHub.CloseIssueAsNotPlannedAsync(org, repo, number, ct);
            await ReplyAsync(context, comment, "Closing this issue as not planned.");
        }
        else
        {
            await context.GitHub.CloseIssueAsync(org, repo, number, ct);
            await ReplyAsync(context, comment, "Closing this issue.");
        }
    }

    private static async Task ReopenAsync(PluginContext context, GenericCommentEvent comment)
    {
        var (org, repo, number, ct) = (comment.Org, comment.Repo, comment.Number, context.CancellationToken);
        if (!await IsAuthorOrCollaboratorAsync(context, comment))
        {
            await ReplyAsync(context, comment, "You cannot reopen an issue or pull request unless you are its author or a collaborator on the repository.");
            return;
        }

        if (comment.IsPullRequest)
        {
            await context.GitHub.ReopenPullRequestAsync(org, repo, number, ct);
            await ReplyAsync(context, comment, "Reopened this PR.");
        }
        else
        {
            await context.GitHub.ReopenIssueAsync(org, repo, number, ct);
            await ReplyAsync(context, comment, "Reopened this issue.");
        }
    }

    private static async Task<bool> IsAuthorOrCollaboratorAsync(PluginContext context, GenericCommentEvent comment) =>
        string.Equals(comment.IssueAuthor, comment.Commenter, StringComparison.OrdinalIgnoreCase)
        || await context.GitHub.IsCollaboratorAsync(comment.Org, comment.Repo, comment.Commenter, context.CancellationToken);

    /// <summary>Stale and rotten issues may be closed by anyone: they are being cleaned up.</summary>
    private static async Task<bool> IsActiveAsync(PluginContext context, GenericCommentEvent comment)
    {
        var labels = await IssueLabels.CurrentAsync(context, comment.Org, comment.Repo, comment.Number);
        return !IssueLabels.Has(labels, "lifecycle/stale") && !IssueLabels.Has(labels, "lifecycle/rotten");
    }

    private static Task ReplyAsync(PluginContext context, GenericCommentEvent comment, string message) =>
        context.GitHub.CreateCommentAsync(comment.Org, comment.Repo, comment.Number, CommandResponse.To(comment, message), context.CancellationToken);
}
