using System.Text.RegularExpressions;
using Prow.Clients.GitHub;
using Prow.Clients.GitHub.Events;
using Prow.Config.Plugins;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.InvalidCommitMsg;

/// <summary>
/// Holds pull requests whose commit messages or title would close issues on merge ("fixes #12"), or that still carry
/// temporary <c>fixup!</c>, <c>amend!</c> or <c>squash!</c> commits, with <c>do-not-merge/invalid-commit-message</c>
/// and one comment listing what is wrong. Each check can be switched off per repo or org under invalid_commit_msg.
/// </summary>
public sealed partial class InvalidCommitMsgPlugin : IPlugin, IPullRequestHandler
{
    public const string PluginName = "invalidcommitmsg";
    public const string Label = "do-not-merge/invalid-commit-message";

    /// <summary>Marks the bot's comment so the next check replaces it.</summary>
    public const string CommentMarker = "<!-- [prow:invalid-commit-message] -->";

    // Comments written before the marker existed, recognised by their headings.
    private static readonly string[] s_olderNotices = ["**The list of commits with invalid commit messages**:", "not allowed in the title of a Pull Request"];

    public string Name => PluginName;

    /// <summary>GitHub's closing keywords followed by an issue reference (Prow's CloseIssueRegex).</summary>
    [GeneratedRegex(@"((?i)(clos(?:e[sd]?))|(fix(?:(es|ed)?))|(resolv(?:e[sd]?)))[\s:]+(\w+/\w+)?#(\d+)")]
    public static partial Regex ClosesIssue();

    [GeneratedRegex(@"^(fixup!|amend!|squash!)")]
    private static partial Regex TemporaryCommit();

    public async Task HandlePullRequestAsync(PluginContext context, PullRequestEvent pullRequest)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pullRequest);
        if (pullRequest.Action is not ("opened" or "reopened" or "synchronize" or "edited"))
        {
            return;
        }

        var (org, repo, number) = (pullRequest.Repository.Owner.Login, pullRequest.Repository.Name, pullRequest.PullRequest.Number);
        var config = context.Config.Plugins.InvalidCommitMsgFor(org, repo);
        var checkFixup = !config.IsCheckDisabled(InvalidCommitMsgConfig.FixupPrefix);
        var checkClosing = !config.IsCheckDisabled(InvalidCommitMsgConfig.IssueClosingKeywords);
        var labels = await IssueLabels.CurrentAsync(context, org, repo, number);
        var commits = await context.GitHub.ListPullRequestCommitsAsync(org, repo, number, context.CancellationToken);

        var closing = checkClosing ? commits.Where(c => ClosesIssue().IsMatch(c.Commit.Message)).ToList() : [];
        var temporary = checkFixup ? commits.Where(c => TemporaryCommit().IsMatch(CommitList.Subject(c.Commit.Message))).ToList() : [];
        var badTitle = checkClosing && ClosesIssue().IsMatch(pullRequest.PullRequest.Title);
        var invalid = closing.Count > 0 || temporary.Count > 0 || badTitle;

        await IssueLabels.EnsureAsync(context, org, repo, number, labels, Label, invalid);
        await BotComments.PruneAsync(context, org, repo, number, body => body.Contains(CommentMarker, StringComparison.Ordinal) || s_olderNotices.Any(n => body.Contains(n, StringComparison.Ordinal)));
        if (invalid)
        {
            await context.GitHub.CreateCommentAsync(org, repo, number, Notice(org, repo, closing, temporary, badTitle), context.CancellationToken);
        }
    }

    public PluginHelp Help(PluginHelpContext context) => new(
        $"Holds pull requests whose commits or title would close issues, or that contain fixup commits, with {Label}.",
        $"The invalidcommitmsg plugin reads the title and every commit message of a pull request when it is opened, reopened, edited or pushed to. A keyword that makes GitHub close an issue on merge (\"fixes #12\", \"Closes org/repo#3\") in a commit message or in the title, or a commit whose subject starts with fixup!, amend! or squash!, puts on {Label}, which tide's queries exclude, and the bot explains what to change in one comment that it replaces on every check. The label comes off once everything is fixed. Under invalid_commit_msg in plugins.yaml, the checks \"{InvalidCommitMsgConfig.IssueClosingKeywords}\" and \"{InvalidCommitMsgConfig.FixupPrefix}\" can be switched off per repo or org with disabled: true.",
        ["pull_request"],
        []);

    private static string Notice(string org, string repo, IReadOnlyList<PullRequestCommit> closing, IReadOnlyList<PullRequestCommit> temporary, bool badTitle)
    {
        var sections = new List<string>();
        if (closing.Count > 0)
        {
            sections.Add($"### Invalid commit messages\n\n[Keywords](https://help.github.com/articles/closing-issues-using-keywords) that close issues automatically, and issue references with #, are not allowed in commit messages.\n\n{CommitList.Markdown(org, repo, closing)}");
        }

        if (temporary.Count > 0)
        {
            sections.Add($"### Fixup/amend/squash commits\n\nTemporary commits (fixup!, amend!, squash!) are not allowed. Fold them into the commits they fix with [git rebase --autosquash](https://git-scm.com/docs/git-rebase#Documentation/git-rebase.txt---autosquash).\n\n{CommitList.Markdown(org, repo, temporary)}");
        }

        if (badTitle)
        {
            sections.Add("### Invalid PR title\n\n[Keywords](https://help.github.com/articles/closing-issues-using-keywords) that close issues are not allowed in the title of a pull request. Change it with `/retitle <new title>`.");
        }

        return BotNotice.Format($"{CommentMarker}\n\nInvalid commit message issues detected\n\n{string.Join("\n\n", sections)}");
    }
}
