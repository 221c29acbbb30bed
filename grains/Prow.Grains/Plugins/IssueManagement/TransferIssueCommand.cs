using System.Text.RegularExpressions;
using Prow.Clients.GitHub;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.IssueManagement;

/// <summary><c>/transfer-issue &lt;repo&gt;</c>: an org member moves an issue to another repository of the org, through GraphQL.</summary>
internal static class TransferIssueCommand
{
    public const string OnlyIssues = "The `/transfer-issue` command is only supported on issues, not pull requests.";
    public const string OnlyOnce = "`/transfer-issue` must only be used once and with a single destination repo.";
    public const string NotMember = "You must be an org member to transfer this issue.";

    public static string NoSuchRepo(string repo) => $"Something went wrong or the destination repo **{repo}** does not exist.";

    public static async Task HandleAsync(PluginContext context, GenericCommentEvent comment, IReadOnlyList<Match> matches)
    {
        var (org, repo, number) = (comment.Org, comment.Repo, comment.Number);

        // Prow answers a pull request whatever the action, then acts only on new comments.
        if (comment.IsPullRequest)
        {
            await ReplyAsync(context, comment, OnlyIssues);
            return;
        }

        if (comment.Action != GenericCommentEvent.Created)
        {
            return;
        }

        if (matches is not [var only] || only.Groups[1].Value.Length == 0)
        {
            await ReplyAsync(context, comment, OnlyOnce);
            return;
        }

        var destination = only.Groups[1].Value.Trim();
        Repository target;
        try
        {
            target = await context.GitHub.GetRepositoryAsync(org, destination, context.CancellationToken);
        }
        catch (GitHubApiException)
        {
            await ReplyAsync(context, comment, NoSuchRepo($"{org}/{destination}"));
            return;
        }

        if (!await context.GitHub.IsMemberAsync(org, comment.Commenter, context.CancellationToken))
        {
            await ReplyAsync(context, comment, NotMember);
            return;
        }

        var issue = await context.GitHub.GetIssueAsync(org, repo, number, context.CancellationToken);
        await context.GitHub.TransferIssueAsync(org, issue.NodeId ?? "", target.NodeId ?? "", context.CancellationToken);
    }

    private static Task ReplyAsync(PluginContext context, GenericCommentEvent comment, string message) =>
        context.GitHub.CreateCommentAsync(comment.Org, comment.Repo, comment.Number, CommandResponse.To(comment, message), context.CancellationToken);
}
