using System.Globalization;
using System.Text;
using Prow.Clients.GitHub;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.IssueManagement;

/// <summary>
/// <c>/link-issue</c>, <c>/unlink-issue</c>: an org member adds issues to, or takes them off, the <c>Fixes</c> line of a
/// pull request's description. Issues to link must exist and be issues; anything may be unlinked.
/// </summary>
internal static class LinkIssueCommand
{
    public const string OnlyPullRequests = "`/link-issue` and `/unlink-issue` can only be used on pull requests.";
    public const string NotMember = "You must be an org member to use this command.";

    public static async Task HandleAsync(PluginContext context, GenericCommentEvent comment, IReadOnlyList<string> link, IReadOnlyList<string> unlink)
    {
        var (org, repo, number) = (comment.Org, comment.Repo, comment.Number);
        if (comment.Action != GenericCommentEvent.Created)
        {
            return;
        }

        if (!comment.IsPullRequest)
        {
            await ReplyAsync(context, comment, OnlyPullRequests);
            return;
        }

        if (!await context.GitHub.IsMemberAsync(org, comment.Commenter, context.CancellationToken))
        {
            await ReplyAsync(context, comment, NotMember);
            return;
        }

        var errors = new List<string>();
        var toLink = new List<string>();
        foreach (var text in link)
        {
            if (await CheckedAsync(context, text, org, repo, errors) is { } reference)
            {
                toLink.Add(reference.Format(org, repo));
            }
        }

        var toUnlink = unlink.Select(text => IssueReference.TryParse(text, org, repo, out var reference) ? reference.Format(org, repo) : text).ToList();
        var answer = new StringBuilder();
        if (toLink.Count > 0 || toUnlink.Count > 0)
        {
            var pr = await context.GitHub.GetPullRequestAsync(org, repo, number, context.CancellationToken);
            var body = pr.Body ?? "";
            var updated = FixesLine.Update(body, toLink, toUnlink);
            if (updated != body)
            {
                await context.GitHub.EditIssueBodyAsync(org, repo, number, updated, context.CancellationToken);
                answer.Append("Updated the `Fixes` line in the pull request body.");
            }
            else
            {
                answer.Append("The PR body is already up-to-date. No changes were made.");
            }
        }

        if (errors.Count > 0)
        {
            if (answer.Length > 0)
            {
                answer.Append("\n\nHowever, ");
            }

            answer.Append("there are one or more errors with issue references provided. Please cross check and retry.\n");
            foreach (var error in errors)
            {
                answer.Append(CultureInfo.InvariantCulture, $"* {error}\n");
            }
        }

        await ReplyAsync(context, comment, answer.ToString());
    }

    /// <summary>The reference if it names an existing issue (not a pull request); otherwise why not, added to <paramref name="errors"/>.</summary>
    private static async Task<IssueReference?> CheckedAsync(PluginContext context, string text, string org, string repo, List<string> errors)
    {
        if (!IssueReference.TryParse(text, org, repo, out var reference))
        {
            errors.Add($"Invalid format for issue **{text}**. Supported formats are **issue-number** (e.g., `123`) and **organization/repository#issue-number** (e.g., `kubernetes/test-infra#456`)");
            return null;
        }

        if ((reference.Org != org || reference.Repo != repo) && !await ExistsAsync(() => context.GitHub.GetRepositoryAsync(reference.Org, reference.Repo, context.CancellationToken)))
        {
            errors.Add($"Repository **{reference.Org}/{reference.Repo}** does not exist.");
            return null;
        }

        Issue issue;
        try
        {
            issue = await context.GitHub.GetIssueAsync(reference.Org, reference.Repo, reference.Number, context.CancellationToken);
        }
        catch (GitHubApiException)
        {
            errors.Add($"Issue **#{reference.Number}** in repository **{reference.Org}/{reference.Repo}** does not exist.");
            return null;
        }

        if (issue.IsPullRequest)
        {
            errors.Add($"Skipped issue #{issue.Number} of **{reference.Org}/{reference.Repo}** as it is a ***pull request***.");
            return null;
        }

        return reference;
    }

    private static async Task<bool> ExistsAsync(Func<Task> read)
    {
        try
        {
            await read();
            return true;
        }
        catch (GitHubApiException)
        {
            return false;
        }
    }

    private static Task ReplyAsync(PluginContext context, GenericCommentEvent comment, string message) =>
        context.GitHub.CreateCommentAsync(comment.Org, comment.Repo, comment.Number, CommandResponse.To(comment, message), context.CancellationToken);
}
