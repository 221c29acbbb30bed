using System.Text.RegularExpressions;
using Prow.Clients.GitHub.Events;
using Prow.Config;
using Prow.Config.Plugins;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.RequireMatchingLabel;

/// <summary>
/// Puts a configured label (needs-kind, needs-sig, needs-triage...) on issues and pull requests that carry no label
/// matching a regexp, with an optional comment, and takes it off once a matching label arrives. After an open or
/// reopen it first waits the entry's grace period, so that other automation can label first.
/// </summary>
public sealed partial class RequireMatchingLabelPlugin : IPlugin, IIssueHandler, IPullRequestHandler, IGenericCommentHandler
{
    public const string PluginName = "require-matching-label";

    public string Name => PluginName;

    [GeneratedRegex(@"(?mi)^/check-required-labels\s*$")]
    private static partial Regex CheckCommand();

    public Task HandleIssueAsync(PluginContext context, IssuesEvent issue)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(issue);
        return issue.Action is "opened" or "reopened" or "labeled" or "unlabeled"
            ? CheckAsync(context, new Target(issue.Repository.Owner.Login, issue.Repository.Name, issue.Issue.Number, Branch: "", issue.Label?.Name ?? "", [.. issue.Issue.Labels.Select(l => l.Name)]))
            : Task.CompletedTask;
    }

    public Task HandlePullRequestAsync(PluginContext context, PullRequestEvent pullRequest)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pullRequest);
        var pr = pullRequest.PullRequest;
        return pullRequest.Action is "opened" or "reopened" or "labeled" or "unlabeled"
            ? CheckAsync(context, new Target(pullRequest.Repository.Owner.Login, pullRequest.Repository.Name, pr.Number, pr.Base.Ref, pullRequest.Label?.Name ?? "", null))
            : Task.CompletedTask;
    }

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (comment.IssueState != "open" || comment.Action != GenericCommentEvent.Created || !Commands.Has(CheckCommand(), comment.Body))
        {
            return;
        }

        var branch = comment.IsPullRequest ? (await context.GitHub.GetPullRequestAsync(comment.Org, comment.Repo, comment.Number, context.CancellationToken)).Base.Ref : "";
        await CheckAsync(context, new Target(comment.Org, comment.Repo, comment.Number, branch, Label: "", null));
    }

    public PluginHelp Help(PluginHelpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entries = context.Config.Plugins.RequireMatchingLabel;
        return new PluginHelp(
            "Labels issues and pull requests that lack a label of some kind (a needs-sig label while no sig/* label is on, for example).",
            "The require-matching-label plugin applies the entries under require_matching_label in plugins.yaml. Each names an org (and optionally a repo), whether it covers issues, pull requests (optionally only those into one branch) or both, a regexp for the labels that satisfy it, the missing_label to put on while none of them is on, and optionally a missing_comment said when that label goes on. It looks when an issue or pull request is opened or reopened (after waiting grace_period, 5s unless set, for other automation to label it), when a label matching the regexp is added or removed, and on /check-required-labels. Tide queries that exclude a missing label hold pull requests until they are labelled.",
            ["issues", "pull_request", "issue_comment", "pull_request_review", "pull_request_review_comment"],
            [new("/check-required-labels", "Checks the issue or pull request against the required labels now.", ["/check-required-labels"], "Anyone", Featured: true)])
        {
            Config = entries.Count == 0 ? new Dictionary<string, string>() : new Dictionary<string, string> { [""] = "<ul><li>" + string.Join("</li><li>", entries.Select(e => e.Describe())) + "</li></ul>" },
        };
    }

    private static async Task CheckAsync(PluginContext context, Target target)
    {
        var entries = Matching(context.Config.Plugins.RequireMatchingLabel, target).ToList();
        if (entries.Count == 0)
        {
            return;
        }

        var labels = target.Labels;
        if (target.Label.Length == 0)
        {
            // Not a label change: wait for other automation to label it first, then read the labels as they are by then.
            var grace = entries.Max(e => e.Config.GracePeriod);
            if (grace > TimeSpan.Zero)
            {
                await Task.Delay(grace, context.Time, context.CancellationToken);
            }

            labels = null;
        }

        labels ??= await IssueLabels.CurrentAsync(context, target.Org, target.Repo, target.Number);
        foreach (var (config, regexp) in entries)
        {
            var hasMissing = labels.Contains(config.MissingLabel, StringComparer.Ordinal);
            var hasMatching = labels.Any(regexp.IsMatch);
            if (hasMatching && hasMissing)
            {
                await context.GitHub.RemoveLabelAsync(target.Org, target.Repo, target.Number, config.MissingLabel, context.CancellationToken);
                if (config.MissingComment.Length > 0)
                {
                    await BotComments.PruneAsync(context, target.Org, target.Repo, target.Number, body => body.Contains(config.MissingComment, StringComparison.Ordinal));
                }
            }
            else if (!hasMatching && !hasMissing)
            {
                await context.GitHub.AddLabelsAsync(target.Org, target.Repo, target.Number, [config.MissingLabel], context.CancellationToken);
                if (config.MissingComment.Length > 0)
                {
                    await context.GitHub.CreateCommentAsync(target.Org, target.Repo, target.Number, BotNotice.Format(config.MissingComment), context.CancellationToken);
                }
            }
        }
    }

    /// <summary>Prow's matchingConfigs: the entries for this kind of item, org, repo and branch, and for a label change only those whose regexp matches the label.</summary>
    private static IEnumerable<(RequireMatchingLabelConfig Config, Regex Regexp)> Matching(IReadOnlyList<RequireMatchingLabelConfig> entries, Target target)
    {
        foreach (var entry in entries)
        {
            var isPullRequest = target.Branch.Length > 0;
            if ((isPullRequest ? !entry.Prs : !entry.Issues)
                || entry.Org != target.Org
                || (entry.Repo.Length > 0 && entry.Repo != target.Repo)
                || (entry.Branch.Length > 0 && isPullRequest && entry.Branch != target.Branch)
                || !GoRegex.TryCompile(entry.Regexp, out var regexp, out _)
                || (target.Label.Length > 0 && !regexp!.IsMatch(target.Label)))
            {
                continue;
            }

            yield return (entry, regexp!);
        }
    }

    /// <param name="Branch">The pull request's base branch; empty for an issue.</param>
    /// <param name="Label">The label added or removed; empty when the event is no label change.</param>
    /// <param name="Labels">The labels the event carried, when they can be trusted; null to read them.</param>
    private sealed record Target(string Org, string Repo, int Number, string Branch, string Label, IReadOnlyList<string>? Labels);
}
