using System.Text.RegularExpressions;
using Prow.Grains.Plugins.Framework;
using Prow.Grains.Plugins.Trigger;

namespace Prow.Grains.Plugins.Retitle;

/// <summary>
/// <c>/retitle &lt;title&gt;</c>: trusted users (as trigger defines them: org members, collaborators, ...) may rename an
/// issue or pull request. Titles may not be empty, mention people or carry issue-closing keywords.
/// </summary>
public sealed partial class RetitlePlugin : IPlugin, IGenericCommentHandler
{
    public const string PluginName = "retitle";

    public string Name => PluginName;

    [GeneratedRegex(@"(?mi)^/retitle[ \t]*(.*)$")]
    private static partial Regex RetitleCommand();

    [GeneratedRegex(@"\B@[\w_-]+(/[\w_-]+)?")]
    private static partial Regex Mention();

    [GeneratedRegex(@"(?i)\b(close|closes|closed|fix|fixes|fixed|resolve|resolves|resolved)\b:?\s+\S*#\d+")]
    private static partial Regex ClosingKeyword();

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        var allowClosed = context.Config.Plugins.Retitle.AllowClosedIssues;
        if (comment.Action != GenericCommentEvent.Created || (!allowClosed && comment.IssueState != "open")
            || Commands.Find(RetitleCommand(), comment.Body) is not [var match, ..])
        {
            return;
        }

        var (org, repo, number, ct) = (comment.Org, comment.Repo, comment.Number, context.CancellationToken);
        var title = match.Groups[1].Value.Trim();
        var refusal = !await TrustChecker.IsTrustedUserAsync(context, context.Config.Plugins.TriggerFor(org, repo), org, repo, comment.Commenter)
                ? "Only trusted users, such as collaborators on the repository, can retitle issues and pull requests."
            : title.Length == 0 ? "Titles cannot be empty."
            : Mention().IsMatch(title) || ClosingKeyword().IsMatch(title)
                ? "Titles cannot contain @-mentions or [keywords that close issues](https://docs.github.com/en/issues/tracking-your-work-with-issues/linking-a-pull-request-to-an-issue)."
            : null;
        if (refusal is not null)
        {
            await context.GitHub.CreateCommentAsync(org, repo, number, CommandResponse.To(comment, refusal), ct);
            return;
        }

        await context.GitHub.EditIssueTitleAsync(org, repo, number, title, ct);
    }

    public PluginHelp Help(PluginHelpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new PluginHelp(
            "Renames issues and pull requests.",
            "The retitle plugin lets trusted users rename issues and pull requests where GitHub's permissions would not let them.",
            ["issue_comment", "pull_request_review", "pull_request_review_comment"],
            [new("/retitle <title>", "Changes the title of the issue or pull request.", ["/retitle Fix the flaky unit test"], "Trusted users: org members and collaborators on the repository.", Featured: true)])
        {
            Config = new Dictionary<string, string>
            {
                [""] = context.Config.Plugins.Retitle.AllowClosedIssues ? "Closed issues and pull requests can be retitled too." : "Only open issues and pull requests can be retitled.",
            },
        };
    }
}
