using Prow.Clients.GitHub;
using Prow.Clients.GitHub.Events;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.CherryPickApproved;

/// <summary>
/// Lets the cherry-pick approvers named in <c>cherry_pick_approved</c> approve a cherry-pick with a GitHub review:
/// an approving review by one of them, on a pull request into a matching branch whose tests have not failed, which
/// has lgtm and approved (unless allowed missing) and none of the labels that hold a merge, puts on
/// <c>cherry-pick-approved</c> and takes off <c>do-not-merge/cherry-pick-not-approved</c>.
/// </summary>
public sealed class CherryPickApprovedPlugin : IPlugin, IPullRequestReviewHandler
{
    public const string PluginName = "cherry-pick-approved";

    /// <summary>Labels under which Prow's plugin never approves a cherry-pick.</summary>
    public static IReadOnlyList<string> BlockingLabels { get; } =
    [
        "do-not-merge/blocked-paths", "cncf-cla: no", "do-not-merge/hold", "do-not-merge/invalid-owners-file", "bugzilla/invalid-bug",
        "do-not-merge/contains-merge-commits", "needs-ok-to-test", "needs-rebase", "do-not-merge/release-note-label-needed",
        "do-not-merge/work-in-progress",
    ];

    public string Name => PluginName;

    public async Task HandlePullRequestReviewAsync(PluginContext context, PullRequestReviewEvent review)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(review);
        var (org, repo) = (review.Repository.Owner.Login, review.Repository.Name);
        var pr = review.PullRequest;

        // As in Prow, the last entry naming the repository wins.
        var config = context.Config.Plugins.CherryPickApproved.LastOrDefault(c => c.Org == org && c.Repo == repo);
        if (config is null || config.Approvers.Count == 0 || config.BranchRe?.IsMatch(pr.Base.Ref) != true
            || review.Action != "submitted" || !string.Equals(review.Review.State, "approved", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var ct = context.CancellationToken;
        var status = await context.GitHub.GetCombinedStatusAsync(org, repo, pr.Head.Sha, ct);
        if (status.Statuses.Any(s => s.State is StatusState.Failure or StatusState.Error))
        {
            return;
        }

        var labels = await IssueLabels.CurrentAsync(context, org, repo, pr.Number);
        if (!config.Approvers.Contains(review.Review.User.Login, StringComparer.Ordinal))
        {
            return;
        }

        var ready = (config.AllowMissingLgtmLabel || IssueLabels.Has(labels, "lgtm"))
            && (config.AllowMissingApprovedLabel || IssueLabels.Has(labels, "approved"))
            && !BlockingLabels.Any(l => IssueLabels.Has(labels, l));
        if (!ready)
        {
            return;
        }

        await IssueLabels.EnsureAsync(context, org, repo, pr.Number, labels, CherryPickLabels.Approved, wanted: true);
        await IssueLabels.EnsureAsync(context, org, repo, pr.Number, labels, CherryPickLabels.NotApproved, wanted: false);
    }

    public PluginHelp Help(PluginHelpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new(
            "Lets a named set of maintainers approve cherry-picks with a GitHub review.",
            $"The cherry-pick-approved plugin watches reviews on pull requests into release branches (cherry_pick_approved: org, repo, branchregexp). When one of the listed approvers submits an approving review, no test has failed on the head commit, the pull request has lgtm and approved (allow_missing_lgtm_label and allow_missing_approved_label waive them) and none of the labels that hold a merge, it gets {CherryPickLabels.Approved} and loses {CherryPickLabels.NotApproved}. Without an approvers list the plugin does nothing, so regular maintainers cannot approve cherry-picks by accident.",
            ["pull_request_review"],
            [])
        {
            Config = context.Config.Plugins.CherryPickApproved
                .GroupBy(c => $"{c.Org}/{c.Repo}", StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => $"Branches matching `{g.Last().BranchRegexp}` are cherry-picks; approvers: {string.Join(", ", g.Last().Approvers)}.", StringComparer.Ordinal),
        };
    }
}
