using System.Text.RegularExpressions;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Shrug;

/// <summary><c>/shrug</c> puts the <c>¯\_(ツ)_/¯</c> label on an issue or pull request; <c>/unshrug</c> shrugs back and takes it off.</summary>
public sealed partial class ShrugPlugin : IPlugin, IGenericCommentHandler
{
    public const string PluginName = "shrug";
    public const string Label = @"¯\_(ツ)_/¯";

    /// <summary>The reply to /unshrug: the shrug with its markdown escaped, so GitHub shows it as typed.</summary>
    public const string Unshrug = @"¯\\\_(ツ)\_/¯";

    public string Name => PluginName;

    [GeneratedRegex(@"(?mi)^/shrug\s*$")]
    private static partial Regex ShrugCommand();

    [GeneratedRegex(@"(?mi)^/unshrug\s*$")]
    private static partial Regex UnshrugCommand();

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (comment.Action != GenericCommentEvent.Created)
        {
            return;
        }

        // A comment with both commands shrugs: /shrug is looked for first.
        bool wanted;
        if (Commands.Has(ShrugCommand(), comment.Body))
        {
            wanted = true;
        }
        else if (Commands.Has(UnshrugCommand(), comment.Body))
        {
            wanted = false;
        }
        else
        {
            return;
        }

        var labels = await IssueLabels.CurrentAsync(context, comment.Org, comment.Repo, comment.Number);
        var present = labels.Contains(Label, StringComparer.Ordinal);
        if (wanted && !present)
        {
            await context.GitHub.AddLabelsAsync(comment.Org, comment.Repo, comment.Number, [Label], context.CancellationToken);
        }
        else if (!wanted && present)
        {
            await context.GitHub.CreateCommentAsync(comment.Org, comment.Repo, comment.Number, CommandResponse.To(comment, Unshrug), context.CancellationToken);
            await context.GitHub.RemoveLabelAsync(comment.Org, comment.Repo, comment.Number, Label, context.CancellationToken);
        }
    }

    public PluginHelp Help(PluginHelpContext context) => new(
        "Labels an issue or pull request with a shrug.",
        $"The shrug plugin adds the {Label} label when someone writes /shrug and, on /unshrug, shrugs back in a comment and removes it.",
        ["issue_comment", "pull_request_review", "pull_request_review_comment"],
        [new("/[un]shrug", $"Adds or removes the `{Label}` label.", ["/shrug", "/unshrug"], "Anyone, " + Label)]);
}
