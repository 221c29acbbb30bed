using System.Text.RegularExpressions;
using Prow.Grains.OwnersFiles;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.IssueManagement;

/// <summary>
/// Issue commands: <c>/link-issue</c> and <c>/unlink-issue</c> keep a pull request's <c>Fixes</c> line, <c>/pin-issue</c>
/// and <c>/unpin-issue</c> pin an issue for top-level OWNERS approvers, <c>/transfer[-issue] &lt;repo&gt;</c> moves an issue
/// within the org for its members. Under its older name <c>transfer-issue</c> only the transfer is offered, and it
/// stands aside where <c>issue-management</c> is enabled too, so nothing is transferred twice.
/// </summary>
public sealed partial class IssueManagementPlugin(RepoOwnersLoader owners, bool transferOnly = false) : IPlugin, IGenericCommentHandler
{
    public const string PluginName = "issue-management";

    /// <summary>The name Prow gave the plugin when it only transferred issues; live configurations still enable it.</summary>
    public const string OldPluginName = "transfer-issue";

    public string Name => transferOnly ? OldPluginName : PluginName;

    [GeneratedRegex(@"(?mi)^/link-issue\s+(.+)$")]
    internal static partial Regex LinkCommand();

    [GeneratedRegex(@"(?mi)^/unlink-issue\s+(.+)$")]
    internal static partial Regex UnlinkCommand();

    [GeneratedRegex(@"(?mi)^/pin-issue\s*$")]
    private static partial Regex PinCommand();

    [GeneratedRegex(@"(?mi)^/unpin-issue\s*$")]
    private static partial Regex UnpinCommand();

    [GeneratedRegex(@"(?mi)^/transfer(?:-issue)?(?: +(.*))?$")]
    private static partial Regex TransferCommand();

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (transferOnly)
        {
            if (!context.Config.Plugins.IsEnabled(comment.Org, comment.Repo, PluginName))
            {
                await TransferAsync(context, comment);
            }

            return;
        }

        // One kind of command per comment, in Prow's order: links, pin, unpin, transfer.
        var toLink = Arguments(LinkCommand(), comment.Body);
        var toUnlink = Arguments(UnlinkCommand(), comment.Body);
        if (toLink.Count > 0 || toUnlink.Count > 0)
        {
            await LinkIssueCommand.HandleAsync(context, comment, toLink, toUnlink);
        }
        else if (Commands.Has(PinCommand(), comment.Body))
        {
            await PinIssueCommand.HandleAsync(context, owners, comment, pin: true);
        }
        else if (Commands.Has(UnpinCommand(), comment.Body))
        {
            await PinIssueCommand.HandleAsync(context, owners, comment, pin: false);
        }
        else
        {
            await TransferAsync(context, comment);
        }
    }

    public PluginHelp Help(PluginHelpContext context)
    {
        PluginCommand transfer = new("/transfer[-issue] <destination repo in same org>", "Moves the issue to another repository of the same org.", ["/transfer-issue kubectl", "/transfer test-infra"], "Org members", Featured: true);
        if (transferOnly)
        {
            return new PluginHelp(
                "Moves issues between repositories of an org.",
                $"transfer-issue is the older name of the {PluginName} plugin and offers only its /transfer-issue command; where both names are enabled, {PluginName} answers.",
                ["issue_comment"],
                [transfer]);
        }

        return new PluginHelp(
            "Commands for managing issues: linking them to pull requests, pinning them, moving them.",
            "The issue-management plugin lets org members link issues to a pull request (kept in its description's Fixes line) and move an issue to another repository of the org, and lets the approvers of the repository's top-level OWNERS file pin and unpin issues.",
            ["issue_comment", "pull_request_review", "pull_request_review_comment"],
            [
                new("/link-issue <issue(s)>", "Adds issues, in this or another repository, to the pull request's Fixes line.", ["/link-issue 1234", "/link-issue org/repo#789"], "Org members"),
                new("/unlink-issue <issue(s)>", "Takes issues off the pull request's Fixes line.", ["/unlink-issue 1234", "/unlink-issue org/repo#789"], "Org members"),
                new("/pin-issue", "Pins the issue to the repository.", ["/pin-issue"], "Approvers in the top-level OWNERS file"),
                new("/unpin-issue", "Unpins the issue.", ["/unpin-issue"], "Approvers in the top-level OWNERS file"),
                transfer,
            ]);
    }

    private static Task TransferAsync(PluginContext context, GenericCommentEvent comment)
    {
        var matches = Commands.Find(TransferCommand(), comment.Body);
        return matches.Count == 0 ? Task.CompletedTask : TransferIssueCommand.HandleAsync(context, comment, matches);
    }

    /// <summary>Every whitespace-separated argument of every line the command is on.</summary>
    private static List<string> Arguments(Regex command, string body) =>
        [.. Commands.Find(command, body).SelectMany(m => m.Groups[1].Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))];
}
