using System.Text.RegularExpressions;
using Prow.Clients.GitHub;
using Prow.Clients.GitHub.Events;
using Prow.Config.Plugins;
using Prow.Grains.Plugins.Framework;
using Prow.Grains.Plugins.Trigger;

namespace Prow.Grains.Plugins.Dco;

/// <summary>
/// The Developer Certificate of Origin check: every commit of a pull request but merge commits must carry a
/// <c>Signed-off-by:</c> trailer. The result is the <c>dco</c> status context and one of <c>dco-signoff: yes</c> /
/// <c>dco-signoff: no</c>; the bot lists the unsigned commits once per push. <c>/check-dco</c> checks again.
/// </summary>
public sealed partial class DcoPlugin : IPlugin, IPullRequestHandler, IGenericCommentHandler
{
    public const string PluginName = "dco";
    public const string ContextName = "dco";
    public const string YesLabel = "dco-signoff: yes";
    public const string NoLabel = "dco-signoff: no";
    public const string FailedDescription = "Commits in PR missing Signed-off-by";
    public const string SucceededDescription = "All commits have Signed-off-by";

    /// <summary>The first sentence of the bot's request, by which its earlier requests (Prow's too) are recognised and pruned.</summary>
    public const string RequestOpening = "Thanks for your pull request. Before we can look at it, you'll need to add a 'DCO signoff' to your commits.";

    public string Name => PluginName;

    [GeneratedRegex(@"(?mi)^/check-dco\s*$")]
    private static partial Regex CheckCommand();

    [GeneratedRegex(@"(?mi)^signed-off-by:")]
    private static partial Regex SignedOff();

    public async Task HandlePullRequestAsync(PluginContext context, PullRequestEvent pullRequest)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pullRequest);
        if (pullRequest.Action is not ("opened" or "reopened" or "synchronize"))
        {
            return;
        }

        var (org, repo) = (pullRequest.Repository.Owner.Login, pullRequest.Repository.Name);
        await CheckAsync(context, org, repo, pullRequest.PullRequest, comment: pullRequest.Action != "reopened");
    }

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (comment.IssueState != "open" || comment.Action != GenericCommentEvent.Created || !comment.IsPullRequest || !Commands.Has(CheckCommand(), comment.Body))
        {
            return;
        }

        var pr = await context.GitHub.GetPullRequestAsync(comment.Org, comment.Repo, comment.Number, context.CancellationToken);
        await CheckAsync(context, comment.Org, comment.Repo, pr, comment: true);
    }

    public PluginHelp Help(PluginHelpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var config = context.EnabledRepos
            .Select(scope => (Scope: scope, Dco: scope.Split('/') is [var org, var repo] ? context.Config.Plugins.DcoFor(org, repo) : context.Config.Plugins.DcoFor(scope, "")))
            .Where(x => x.Dco.SkipDcoCheckForMembers || x.Dco.SkipDcoCheckForCollaborators || x.Dco.TrustedApps.Count > 0)
            .ToDictionary(x => x.Scope, x => Describe(x.Scope, x.Dco), StringComparer.Ordinal);
        return new PluginHelp(
            "Checks that every commit of a pull request is signed off under the Developer Certificate of Origin.",
            $"The dco plugin looks for a \"Signed-off-by:\" line in the message of every commit of a pull request (merge commits excepted) whenever it is opened, reopened or pushed to. It sets the \"{ContextName}\" status context and keeps one of the labels \"{YesLabel}\" and \"{NoLabel}\" on it; tide queries that exclude \"{NoLabel}\" hold the pull request until every commit is signed off. On a failure the bot lists the commits that lack a sign-off and links to the contributing guide (contributing_repo, contributing_branch and contributing_path under dco in plugins.yaml). Commits by trusted authors can be exempted with skip_dco_check_for_members, skip_dco_check_for_collaborators, trusted_org and trusted_apps.",
            ["pull_request", "issue_comment", "pull_request_review", "pull_request_review_comment"],
            [new("/check-dco", "Checks the commits' sign-offs again and updates the status and label.", ["/check-dco"], "Anyone", Featured: true)])
        {
            Config = config,
        };
    }

    private static string Describe(string scope, DcoConfig dco)
    {
        var org = scope.Split('/')[0];
        List<string> exempt = [dco.TrustedOrg is { Length: > 0 } trusted && trusted != org ? $"members of {org} or {trusted}" : $"members of {org}"];
        if (dco.SkipDcoCheckForCollaborators)
        {
            exempt.Add("by collaborators of the repository");
        }

        if (dco.TrustedApps.Count > 0)
        {
            exempt.Add("by the apps " + string.Join(", ", dco.TrustedApps));
        }

        var who = exempt.Count == 1 ? exempt[0] : string.Join(", ", exempt[..^1]) + " and " + exempt[^1];
        return $"Commits by {who} need no sign-off.";
    }

    private static async Task CheckAsync(PluginContext context, string org, string repo, PullRequest pr, bool comment)
    {
        var ct = context.CancellationToken;
        var config = context.Config.Plugins.DcoFor(org, repo);
        var commits = await context.GitHub.ListPullRequestCommitsAsync(org, repo, pr.Number, ct);
        var unsigned = commits.Where(c => c.Parents.Count <= 1 && !SignedOff().IsMatch(c.Commit.Message)).ToList();
        if (unsigned.Count > 0 && (config.SkipDcoCheckForMembers || config.SkipDcoCheckForCollaborators || config.TrustedApps.Count > 0))
        {
            // Prow's rule: once any exemption is configured, every trusted author is exempt (org members included).
            var trust = new TriggerConfig { TrustedApps = config.TrustedApps, TrustedOrg = config.TrustedOrg, OnlyOrgMembers = !config.SkipDcoCheckForCollaborators };
            var untrusted = new List<PullRequestCommit>();
            foreach (var commit in unsigned)
            {
                if (commit.Author?.Login is not { Length: > 0 } author || !await TrustChecker.IsTrustedUserAsync(context, trust, org, repo, author))
                {
                    untrusted.Add(commit);
                }
            }

            unsigned = untrusted;
        }

        var combined = await context.GitHub.GetCombinedStatusAsync(org, repo, pr.Head.Sha, ct);
        var existing = combined.Statuses.FirstOrDefault(s => s.Context == ContextName)?.State;
        var labels = await IssueLabels.CurrentAsync(context, org, repo, pr.Number);
        var signedOff = unsigned.Count == 0;
        var contributing = config.ContributingUrl(org, repo);

        await IssueLabels.EnsureAsync(context, org, repo, pr.Number, labels, signedOff ? NoLabel : YesLabel, wanted: false);
        await IssueLabels.EnsureAsync(context, org, repo, pr.Number, labels, signedOff ? YesLabel : NoLabel, wanted: true);
        var state = signedOff ? StatusState.Success : StatusState.Failure;
        if (existing != state)
        {
            await context.GitHub.CreateStatusAsync(org, repo, pr.Head.Sha, new NewCommitStatus
            {
                State = state,
                Context = ContextName,
                Description = signedOff ? SucceededDescription : FailedDescription,
                TargetUrl = contributing,
            }, ct);
        }

        if (signedOff || comment)
        {
            await BotComments.PruneAsync(context, org, repo, pr.Number, body => body.Contains(RequestOpening, StringComparison.Ordinal));
        }

        if (!signedOff && comment)
        {
            await context.GitHub.CreateCommentAsync(org, repo, pr.Number, Request(contributing, CommitList.Markdown(org, repo, unsigned)), ct);
        }
    }

    private static string Request(string contributingUrl, string commits) => BotNotice.Format($"""
        {RequestOpening}

        :memo: **Please follow instructions in the [contributing guide]({contributingUrl}) to update your commits with the DCO**

        Full details of the Developer Certificate of Origin can be found at [developercertificate.org](https://developercertificate.org/).

        **The list of commits missing DCO signoff**:

        {commits}
        """);
}
