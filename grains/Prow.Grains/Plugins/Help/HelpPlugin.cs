using System.Text.RegularExpressions;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Help;

/// <summary><c>/help</c>, <c>/good-first-issue</c> and their <c>/remove-</c> forms: the help-wanted labels on open issues.</summary>
public sealed partial class HelpPlugin : IPlugin, IGenericCommentHandler
{
    public const string PluginName = "help";
    public const string HelpWanted = "help wanted";
    public const string GoodFirstIssue = "good first issue";

    public string Name => PluginName;

    [GeneratedRegex(@"(?mi)^/help\s*$")]
    private static partial Regex AddHelp();

    [GeneratedRegex(@"(?mi)^/remove-help\s*$")]
    private static partial Regex RemoveHelp();

    [GeneratedRegex(@"(?mi)^/good-first-issue\s*$")]
    private static partial Regex AddGoodFirstIssue();

    [GeneratedRegex(@"(?mi)^/remove-good-first-issue\s*$")]
    private static partial Regex RemoveGoodFirstIssue();

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (comment.IsPullRequest || comment.Action != GenericCommentEvent.Created || comment.IssueState != "open")
        {
            return;
        }

        var body = comment.Body;
        var (add, remove) = (new List<string>(), new List<string>());
        if (Commands.Has(AddGoodFirstIssue(), body))
        {
            add.AddRange([HelpWanted, GoodFirstIssue]);
        }
        else if (Commands.Has(AddHelp(), body))
        {
            add.Add(HelpWanted);
        }

        if (Commands.Has(RemoveHelp(), body))
        {
            remove.AddRange([HelpWanted, GoodFirstIssue]);
        }
        else if (Commands.Has(RemoveGoodFirstIssue(), body))
        {
            remove.Add(GoodFirstIssue);
        }

        if (add.Count == 0 && remove.Count == 0)
        {
            return;
        }

        var ct = context.CancellationToken;
        var current = (await context.GitHub.ListIssueLabelsAsync(comment.Org, comment.Repo, comment.Number, ct)).Select(l => l.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var label in remove.Where(current.Contains))
        {
            await context.GitHub.RemoveLabelAsync(comment.Org, comment.Repo, comment.Number, label, ct);
        }

        var missing = add.Where(l => !current.Contains(l)).ToList();
        if (missing.Count > 0)
        {
            await context.GitHub.AddLabelsAsync(comment.Org, comment.Repo, comment.Number, missing, ct);
            var help = context.Config.Plugins.Help;
            var kind = missing.Contains(GoodFirstIssue) ? "a good first issue for a new contributor" : "needing help from a contributor";
            await context.GitHub.CreateCommentAsync(comment.Org, comment.Repo, comment.Number,
                $"@{comment.Commenter}: this issue is now marked as {kind}.\n\nPlease make sure it meets the [guidelines]({help.HelpGuidelinesUrl})"
                + (help.HelpGuidelinesSummary is { Length: > 0 } summary ? $":\n\n{summary}" : ".")
                + "\n\nIf it does not, comment `/remove-help` to take the label off.", ct);
        }
    }

    public PluginHelp Help(PluginHelpContext context) => new(
        "Marks issues as needing help.",
        $"The help plugin adds the '{HelpWanted}' and '{GoodFirstIssue}' labels to open issues when asked, and removes them.",
        ["issue_comment", "issues"],
        [
            new("/[remove-]help", $"Adds or removes the '{HelpWanted}' label (removing also drops '{GoodFirstIssue}').", ["/help", "/remove-help"], "Anyone can use this command.", Featured: true),
            new("/[remove-]good-first-issue", $"Adds '{GoodFirstIssue}' and '{HelpWanted}', or removes '{GoodFirstIssue}'.", ["/good-first-issue", "/remove-good-first-issue"], "Anyone can use this command."),
        ]);
}
