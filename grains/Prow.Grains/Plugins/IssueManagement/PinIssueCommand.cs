using Prow.Clients.GitHub;
using Prow.Grains.OwnersFiles;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.IssueManagement;

/// <summary><c>/pin-issue</c>, <c>/unpin-issue</c>: an approver of the top-level OWNERS file pins or unpins an issue, through GraphQL.</summary>
internal static class PinIssueCommand
{
    public const string OnlyIssues = "`/pin-issue` and `/unpin-issue` can only be triggered on GitHub issues.";
    public const string NotAuthorized = "You are not authorized to pin or unpin issues on this repository. Only approvers from the top-level OWNERS file can use this command.";

    public static async Task HandleAsync(PluginContext context, RepoOwnersLoader owners, GenericCommentEvent comment, bool pin)
    {
        var (org, repo, number) = (comment.Org, comment.Repo, comment.Number);
        if (comment.IsPullRequest)
        {
            await ReplyAsync(context, comment, OnlyIssues);
            return;
        }

        if (comment.Action != GenericCommentEvent.Created)
        {
            return;
        }

        HashSet<string> approvers;
        try
        {
            var defaultBranch = (await context.GitHub.GetRepositoryAsync(org, repo, context.CancellationToken)).DefaultBranch;
            var root = await owners.LoadAsync(context.GitHub, context.Config, org, repo, defaultBranch, [], context.CancellationToken);
            approvers = root.TopLevelApprovers().ToHashSet(StringComparer.OrdinalIgnoreCase);
        }
        catch (GitHubApiException)
        {
            await ReplyAsync(context, comment, $"Unable to determine whether {comment.Commenter} is an approver from the top-level OWNERS of {org}/{repo}.");
            return;
        }

        if (!approvers.Contains(comment.Commenter))
        {
            await ReplyAsync(context, comment, NotAuthorized);
            return;
        }

        var (verb, done) = pin ? ("pin", "pinned to") : ("unpin", "unpinned from");
        var issue = await context.GitHub.GetIssueAsync(org, repo, number, context.CancellationToken);
        try
        {
            if (pin)
            {
                await context.GitHub.PinIssueAsync(org, issue.NodeId ?? "", context.CancellationToken);
            }
            else
            {
                await context.GitHub.UnpinIssueAsync(org, issue.NodeId ?? "", context.CancellationToken);
            }
        }
        catch (GitHubApiException)
        {
            await ReplyAsync(context, comment, $"Unable to {verb} issue #{number}. Please try again later.");
            return;
        }

        await ReplyAsync(context, comment, $"Issue #{number} has been {done} the repository.");
    }

    private static Task ReplyAsync(PluginContext context, GenericCommentEvent comment, string message) =>
        context.GitHub.CreateCommentAsync(comment.Org, comment.Repo, comment.Number, CommandResponse.To(comment, message), context.CancellationToken);
}
