using System.Text.RegularExpressions;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Lifecycle;

/// <summary>
/// <c>/close</c>, <c>/reopen</c> (the author and collaborators) and <c>/[remove-]lifecycle active|frozen|stale|rotten</c>
/// (anyone; one lifecycle label at a time, and never frozen on a pull request).
/// </summary>
public sealed partial class LifecyclePlugin : IPlugin, IGenericCommentHandler
{
    public const string PluginName = "lifecycle";

    public static readonly IReadOnlyList<string> Labels = ["lifecycle/active", "lifecycle/frozen", "lifecycle/stale", "lifecycle/rotten"];

    public string Name => PluginName;

    [GeneratedRegex(@"(?mi)^/(remove-)?lifecycle (active|frozen|stale|rotten)\s*$")]
    private static partial Regex LifecycleCommand();

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (comment.Action != GenericCommentEvent.Created)
        {
            return;
        }

        await CloseAndReopen.HandleAsync(context, comment);
        foreach (var match in Commands.Find(LifecycleCommand(), comment.Body))
        {
            await ApplyAsync(context, comment, remove: match.Groups[1].Success, "lifecycle/" + match.Groups[2].Value.ToLowerInvariant());
        }
    }

    public PluginHelp Help(PluginHelpContext context) => new(
        "Closes, reopens and marks the lifecycle of issues and pull requests.",
        "The lifecycle plugin closes and reopens issues and pull requests on request of their author or a collaborator, and flags them as active, frozen, stale or rotten (one at a time).",
        ["issue_comment", "pull_request_review", "pull_request_review_comment"],
        [
            new("/close [not-planned]", "Closes an issue or pull request (not-planned: closes an issue as not planned).", ["/close", "/close not-planned"], CloseAndReopen.WhoCanUse),
            new("/reopen", "Reopens an issue or pull request.", ["/reopen"], CloseAndReopen.WhoCanUse),
            new("/[remove-]lifecycle <active|frozen|stale|rotten>", "Flags an issue or pull request as active, frozen, stale or rotten, or removes the flag.", ["/lifecycle frozen", "/remove-lifecycle stale"], "Anyone"),
        ]);

    private static async Task ApplyAsync(PluginContext context, GenericCommentEvent comment, bool remove, string label)
    {
        var (org, repo, number, ct) = (comment.Org, comment.Repo, comment.Number, context.CancellationToken);
        if (comment.IsPullRequest && label == "lifecycle/frozen" && !remove)
        {
            await context.GitHub.CreateCommentAsync(org, repo, number, CommandResponse.To(comment, "The `lifecycle/frozen` label cannot be put on pull requests."), ct);
            return;
        }

        var current = await IssueLabels.CurrentAsync(context, org, repo, number);
        if (remove || IssueLabels.Has(current, label))
        {
            await IssueLabels.EnsureAsync(context, org, repo, number, current, label, wanted: !remove);
            return;
        }

        foreach (var other in Labels.Where(l => l != label && IssueLabels.Has(current, l)))
        {
            await context.GitHub.RemoveLabelAsync(org, repo, number, other, ct);
        }

        await context.GitHub.AddLabelsAsync(org, repo, number, [label], ct);
    }
}
