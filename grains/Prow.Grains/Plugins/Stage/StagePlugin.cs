using System.Text.RegularExpressions;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Stage;

/// <summary>
/// <c>/stage alpha|beta|stable</c> marks how far a feature has come with one <c>stage/*</c> label, taking the other
/// stage labels off; <c>/remove-stage &lt;stage&gt;</c> takes that label off.
/// </summary>
public sealed partial class StagePlugin : IPlugin, IGenericCommentHandler
{
    public const string PluginName = "stage";

    public static IReadOnlyList<string> Labels { get; } = ["stage/alpha", "stage/beta", "stage/stable"];

    public string Name => PluginName;

    [GeneratedRegex(@"(?mi)^/(remove-)?stage (alpha|beta|stable)\s*$")]
    private static partial Regex StageCommand();

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (comment.Action != GenericCommentEvent.Created)
        {
            return;
        }

        foreach (var match in Commands.Find(StageCommand(), comment.Body))
        {
            var remove = match.Groups[1].Success;
            var label = "stage/" + match.Groups[2].Value.ToLowerInvariant();
            var labels = await IssueLabels.CurrentAsync(context, comment.Org, comment.Repo, comment.Number);
            var present = IssueLabels.Has(labels, label);
            if (remove && present)
            {
                await context.GitHub.RemoveLabelAsync(comment.Org, comment.Repo, comment.Number, label, context.CancellationToken);
            }
            else if (!remove && !present)
            {
                foreach (var other in Labels.Where(l => l != label && IssueLabels.Has(labels, l)))
                {
                    await context.GitHub.RemoveLabelAsync(comment.Org, comment.Repo, comment.Number, other, context.CancellationToken);
                }

                await context.GitHub.AddLabelsAsync(comment.Org, comment.Repo, comment.Number, [label], context.CancellationToken);
            }
        }
    }

    public PluginHelp Help(PluginHelpContext context) => new(
        "Marks the stage of a feature: alpha, beta or stable.",
        "The stage plugin keeps one stage/ label on an issue or pull request: /stage puts the named stage on and takes the other two off, /remove-stage takes the named one off.",
        ["issue_comment", "pull_request_review", "pull_request_review_comment"],
        [new("/[remove-]stage <alpha|beta|stable>", "Puts on, or takes off, the stage/alpha, stage/beta or stage/stable label.", ["/stage alpha", "/remove-stage alpha"], "Anyone")]);
}
