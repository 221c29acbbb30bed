using System.Text.RegularExpressions;
using Prow.Clients.GitHub;
using Prow.Clients.GitHub.Events;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Cla;

/// <summary>
/// Mirrors the CNCF CLA check onto labels tide's queries ask for: a successful <c>EasyCLA</c> status (or the older
/// <c>cla/linuxfoundation</c>) on a pull request's head gives <c>cncf-cla: yes</c>, a failed one <c>cncf-cla: no</c>.
/// <c>/check-cla</c> reads the head's status again.
/// </summary>
public sealed partial class ClaPlugin : IPlugin, IStatusHandler, IGenericCommentHandler
{
    public const string PluginName = "cla";
    public const string YesLabel = "cncf-cla: yes";
    public const string NoLabel = "cncf-cla: no";

    /// <summary>The context the Linux Foundation's EasyCLA sets, which Prow watches.</summary>
    public const string Context = "EasyCLA";

    /// <summary>The context the Linux Foundation's earlier CLA bot set, still found on older pull requests.</summary>
    public const string LegacyContext = "cla/linuxfoundation";

    /// <summary>
    /// GitHub's search index can lag behind the status that names a new head. Prow asks again; the waits here are
    /// shorter than Prow's so that the event's turn ends well inside a grain call's timeout.
    /// </summary>
    private const int SearchAttempts = 5;
    private static readonly TimeSpan s_searchRetryDelay = TimeSpan.FromSeconds(2);

    public string Name => PluginName;

    /// <summary>The contexts watched, the current one first (it decides when a head carries both).</summary>
    public static IReadOnlyList<string> Contexts { get; } = [Context, LegacyContext];

    [GeneratedRegex(@"(?mi)^/check-cla\s*$")]
    private static partial Regex CheckCommand();

    public async Task HandleStatusAsync(PluginContext context, StatusEvent status)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(status);
        if (!Contexts.Contains(status.Context, StringComparer.Ordinal) || status.State is not ("success" or "failure" or "error"))
        {
            return;
        }

        var (org, repo) = (status.Repository.Owner.Login, status.Repository.Name);
        var signed = status.State == "success";
        IReadOnlyList<Issue> found = [];
        for (var attempt = 1; attempt <= SearchAttempts && found.Count == 0; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(s_searchRetryDelay, context.Time, context.CancellationToken);
            }

            found = await context.GitHub.SearchIssuesAsync($"{status.Sha} repo:{org}/{repo} type:pr state:open", context.CancellationToken);
        }

        foreach (var issue in found)
        {
            var labels = issue.Labels.Select(l => l.Name).ToList();
            if (IssueLabels.Has(labels, signed ? YesLabel : NoLabel))
            {
                continue;
            }

            // Only the status of a pull request's current head counts.
            var pr = await context.GitHub.GetPullRequestAsync(org, repo, issue.Number, context.CancellationToken);
            if (pr.Head.Sha == status.Sha)
            {
                await LabelAsync(context, org, repo, issue.Number, labels, signed);
            }
        }
    }

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (comment.IssueState != "open" || comment.Action != GenericCommentEvent.Created || !comment.IsPullRequest || !Commands.Has(CheckCommand(), comment.Body))
        {
            return;
        }

        var (org, repo, number) = (comment.Org, comment.Repo, comment.Number);
        var labels = await IssueLabels.CurrentAsync(context, org, repo, number);
        var pr = await context.GitHub.GetPullRequestAsync(org, repo, number, context.CancellationToken);
        var statuses = (await context.GitHub.GetCombinedStatusAsync(org, repo, pr.Head.Sha, context.CancellationToken)).Statuses;
        var cla = Contexts.Select(c => statuses.FirstOrDefault(s => s.Context == c)).FirstOrDefault(s => s is not null);

        // As in Prow, only a decided check changes the labels when asked; an errored one is left for the next status.
        if (cla?.State is StatusState.Success or StatusState.Failure)
        {
            await LabelAsync(context, org, repo, number, labels, cla.State == StatusState.Success);
        }
    }

    public PluginHelp Help(PluginHelpContext context) => new(
        $"Labels pull requests {YesLabel} or {NoLabel} from the CNCF CLA check.",
        $"The cla plugin watches the \"{Context}\" status context that the Linux Foundation's EasyCLA sets on a pull request's head commit, and also \"{LegacyContext}\", the context of the CLA bot before it. When the check passes on the current head the pull request gets \"{YesLabel}\"; when it fails or errors it gets \"{NoLabel}\", and the other label comes off. Tide queries that require \"{YesLabel}\" keep a pull request out of the merge pool until its author has signed the CNCF CLA. A pending check changes nothing.",
        ["status", "issue_comment", "pull_request_review", "pull_request_review_comment"],
        [new("/check-cla", $"Reads the CLA status on the pull request's head again and sets {YesLabel} or {NoLabel} from it.", ["/check-cla"], "Anyone", Featured: true)]);

    private static async Task LabelAsync(PluginContext context, string org, string repo, int number, IReadOnlyList<string> labels, bool signed)
    {
        await IssueLabels.EnsureAsync(context, org, repo, number, labels, signed ? NoLabel : YesLabel, wanted: false);
        await IssueLabels.EnsureAsync(context, org, repo, number, labels, signed ? YesLabel : NoLabel, wanted: true);
    }
}
