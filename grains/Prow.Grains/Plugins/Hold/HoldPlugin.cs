using System.Text.RegularExpressions;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Hold;

/// <summary><c>/hold</c> puts <c>do-not-merge/hold</c> on a pull request so tide leaves it alone; <c>/hold cancel</c> takes it off.</summary>
public sealed partial class HoldPlugin : IPlugin, IGenericCommentHandler
{
    public const string PluginName = "hold";
    public const string Label = "do-not-merge/hold";

    public string Name => PluginName;

    [GeneratedRegex(@"(?mi)^/hold(\s.*)?$")]
    private static partial Regex Hold();

    [GeneratedRegex(@"(?mi)^/(remove-hold|hold\s+cancel|unhold)\s*$")]
    private static partial Regex Cancel();

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (!comment.IsPullRequest || comment.Action != GenericCommentEvent.Created)
        {
            return;
        }

        // "/hold cancel" also reads as "/hold": the cancel wins.
        var cancel = Commands.Has(Cancel(), comment.Body);
        if (!cancel && !Commands.Has(Hold(), comment.Body))
        {
            return;
        }

        var labels = await IssueLabels.CurrentAsync(context, comment.Org, comment.Repo, comment.Number);
        await IssueLabels.EnsureAsync(context, comment.Org, comment.Repo, comment.Number, labels, Label, wanted: !cancel);
    }

    public PluginHelp Help(PluginHelpContext context) => new(
        "Holds a pull request back from merging.",
        $"The hold plugin adds the {Label} label on /hold and removes it on /hold cancel. Tide does not merge a pull request that carries it.",
        ["issue_comment", "pull_request_review", "pull_request_review_comment"],
        [new("/hold [cancel]", $"Adds or removes the `{Label}` label, which keeps the pull request from being merged automatically.", ["/hold", "/hold cancel", "/unhold", "/remove-hold"], "Anyone", Featured: true)]);
}
