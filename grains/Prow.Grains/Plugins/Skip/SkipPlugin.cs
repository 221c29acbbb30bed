using System.Text.RegularExpressions;
using Prow.Clients.GitHub;
using Prow.Grains.Plugins.Framework;
using Prow.Grains.Plugins.Trigger;

namespace Prow.Grains.Plugins.Skip;

/// <summary>
/// <c>/skip</c>: clears stale statuses of optional jobs on a pull request. Every optional (not required) job whose context
/// has a status that is not success is set to success "Skipped" — unless the same comment asks for that job to run.
/// </summary>
public sealed partial class SkipPlugin : IPlugin, IGenericCommentHandler
{
    public const string PluginName = "skip";
    public const string Description = "Skipped";

    public string Name => PluginName;

    [GeneratedRegex(@"(?mi)^/skip\s*$")]
    private static partial Regex SkipCommand();

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (!comment.IsPullRequest || comment.IssueState != "open" || comment.Action != GenericCommentEvent.Created || !Commands.Has(SkipCommand(), comment.Body))
        {
            return;
        }

        var (org, repo, ct) = (comment.Org, comment.Repo, context.CancellationToken);
        var pr = PullRequestFacts.From(org, repo, await context.GitHub.GetPullRequestAsync(org, repo, comment.Number, ct));
        var combined = await context.GitHub.GetCombinedStatusAsync(org, repo, pr.HeadSha, ct);
        if (combined.State == StatusState.Success)
        {
            return;
        }

        var requested = (await PresubmitSelection.RequestedByCommentAsync(context, pr, Commands.Unquoted(comment.Body))).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var job in PresubmitSelection.Candidates(context, pr).Where(j => !j.ContextRequired && !requested.Contains(j.Name)))
        {
            var statuses = combined.Statuses.Where(s => s.Context == job.Context).ToList();
            if (statuses.Count == 0 || statuses.Any(s => s.State == StatusState.Success))
            {
                continue;
            }

            await context.GitHub.CreateStatusAsync(org, repo, pr.HeadSha, new NewCommitStatus { State = StatusState.Success, Context = job.Context, Description = Description }, ct);
        }
    }

    public PluginHelp Help(PluginHelpContext context) => new(
        "Clears stale statuses of optional jobs.",
        "The skip plugin marks the failed or unfinished statuses of optional jobs on a pull request as skipped, so they no longer show as failing.",
        ["issue_comment", "pull_request_review", "pull_request_review_comment"],
        [new("/skip", "Marks the failed or pending statuses of optional jobs on this pull request as skipped.", ["/skip"], "Anyone on a pull request.")]);
}
