using System.Text.RegularExpressions;
using Prow.Clients.GitHub.Events;
using Prow.Config.Jobs;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Trigger;

/// <summary>
/// Starts presubmits: on pull request events for trusted authors, and on <c>/test</c>, <c>/retest</c>,
/// <c>/retest-required</c> and <c>/ok-to-test</c>. Untrusted authors get <c>needs-ok-to-test</c> until a
/// trusted user says <c>/ok-to-test</c>. Draft pull requests run nothing automatically until ready for review.
/// </summary>
public sealed partial class TriggerPlugin : IPlugin, IPullRequestHandler, IGenericCommentHandler
{
    public const string PluginName = "trigger";

    public string Name => PluginName;

    [GeneratedRegex(@"(?mi)^/ok-to-test\s*$")]
    private static partial Regex OkToTest();

    [GeneratedRegex(@"(?mi)^/retest\s*$")]
    private static partial Regex Retest();

    [GeneratedRegex(@"(?mi)^/retest-required\s*$")]
    private static partial Regex RetestRequired();

    [GeneratedRegex(@"(?mi)^/test(\s+\?)?\s*$")]
    private static partial Regex TestHelp();

    [GeneratedRegex(@"(?mi)^/test\s+\S")]
    private static partial Regex TestSomething();

    public async Task HandlePullRequestAsync(PluginContext context, PullRequestEvent pullRequest)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pullRequest);
        var pr = PullRequestFacts.From(pullRequest.Repository.Owner.Login, pullRequest.Repository.Name, pullRequest.PullRequest);
        if (pr.State != "open")
        {
            return;
        }

        var trigger = context.Config.Plugins.TriggerFor(pr.Org, pr.Repo);
        switch (pullRequest.Action)
        {
            case "opened" or "reopened":
                if (pr.Draft)
                {
                    return;
                }

                if (await TrustedPullRequestAsync(context, pr))
                {
                    await RunAsync(context, pr, await PresubmitSelection.AutomaticAsync(context, pr), pr.Author, pullRequest.Action);
                }
                else if (pullRequest.Action == "opened" && !pr.HasLabel(TriggerLabels.NeedsOkToTest))
                {
                    await context.GitHub.AddLabelsAsync(pr.Org, pr.Repo, pr.Number, [TriggerLabels.NeedsOkToTest], context.CancellationToken);
                    await context.GitHub.CreateCommentAsync(pr.Org, pr.Repo, pr.Number, TriggerReplies.NeedsOkToTest(pr.Author, pr.Org, trigger.JoinOrgUrl), context.CancellationToken);
                }

                break;
            case "synchronize" or "ready_for_review":
                if (!pr.Draft && await TrustedPullRequestAsync(context, pr))
                {
                    await RunAsync(context, pr, await PresubmitSelection.AutomaticAsync(context, pr), pullRequest.Sender.Login, pullRequest.Action);
                }

                break;
        }
    }

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (!comment.IsPullRequest || comment.Action != GenericCommentEvent.Created || comment.IssueState != "open")
        {
            return;
        }

        var body = Commands.Unquoted(comment.Body);
        var okToTest = OkToTest().IsMatch(body);
        var retest = Retest().IsMatch(body);
        var retestRequired = RetestRequired().IsMatch(body);
        var help = TestHelp().IsMatch(body);
        var namesJobs = TestSomething().IsMatch(body);
        var anyTrigger = context.Config.Jobs.PresubmitsFor(comment.Org, comment.Repo).Any(p => p.TriggerMatches(body));
        if (!okToTest && !retest && !retestRequired && !help && !namesJobs && !anyTrigger)
        {
            return;
        }

        var trigger = context.Config.Plugins.TriggerFor(comment.Org, comment.Repo);
        var pr = PullRequestFacts.From(comment.Org, comment.Repo, await context.GitHub.GetPullRequestAsync(comment.Org, comment.Repo, comment.Number, context.CancellationToken));
        var commenterTrusted = await TrustChecker.IsTrustedUserAsync(context, trigger, pr.Org, pr.Repo, comment.Commenter);
        if (!commenterTrusted && !await TrustedPullRequestAsync(context, pr))
        {
            await ReplyAsync(context, pr, comment.Commenter, TriggerReplies.CannotTrigger);
            return;
        }

        var jobs = new List<Presubmit>();
        var reason = "comment";
        if (okToTest && commenterTrusted && !trigger.IgnoreOkToTest)
        {
            if (pr.HasLabel(TriggerLabels.NeedsOkToTest))
            {
                await context.GitHub.RemoveLabelAsync(pr.Org, pr.Repo, pr.Number, TriggerLabels.NeedsOkToTest, context.CancellationToken);
            }

            if (!pr.HasLabel(TriggerLabels.OkToTest))
            {
                await context.GitHub.AddLabelsAsync(pr.Org, pr.Repo, pr.Number, [TriggerLabels.OkToTest], context.CancellationToken);
            }

            jobs.AddRange(await PresubmitSelection.AutomaticAsync(context, pr));
            reason = "/ok-to-test";
        }

        if (retest || retestRequired)
        {
            jobs.AddRange(await PresubmitSelection.FailedAsync(context, pr, requiredOnly: !retest));
            reason = retest ? "/retest" : "/retest-required";
        }

        var requested = await PresubmitSelection.RequestedByCommentAsync(context, pr, body);
        jobs.AddRange(requested);
        if (requested.Count > 0)
        {
            reason = PresubmitSelection.TestAll().IsMatch(body) ? "/test all" : "/test";
        }

        if (help || (namesJobs && requested.Count == 0 && !anyTrigger && !PresubmitSelection.TestAll().IsMatch(body)))
        {
            var candidates = PresubmitSelection.Candidates(context, pr);
            await ReplyAsync(context, pr, comment.Commenter, help ? TriggerReplies.Available(candidates) : TriggerReplies.NotFound(candidates));
        }

        await RunAsync(context, pr, jobs, comment.Commenter, reason);
    }

    public PluginHelp Help(PluginHelpContext context) => new(
        "Starts presubmit jobs on pull requests.",
        "The trigger plugin starts jobs when pull requests are opened or updated by trusted users and when trusted users ask for them in comments. Trusted users are members of the organization (or of the configured trusted_org), collaborators (unless only_org_members) and the configured trusted apps. A pull request from anyone else gets the needs-ok-to-test label until a trusted user comments /ok-to-test.",
        ["pull_request", "issue_comment", "pull_request_review", "pull_request_review_comment"],
        [
            new("/ok-to-test", "Marks a pull request from an untrusted author as safe to test and starts its jobs.", ["/ok-to-test"], "Members of the trusted organization."),
            new("/test (<job name>|all)", "Starts the named job, or with 'all' every job that would run automatically.", ["/test all", "/test pull-unit"], "Anyone on a trusted pull request; trusted users on any pull request.", Featured: true),
            new("/test ?", "Lists the jobs that can be started on this pull request.", ["/test ?"], "Anyone on a trusted pull request."),
            new("/retest", "Starts again every job that failed on the current commit.", ["/retest"], "Anyone on a trusted pull request.", Featured: true),
            new("/retest-required", "Starts again the required jobs that failed on the current commit.", ["/retest-required"], "Anyone on a trusted pull request."),
        ]);

    private static async Task<bool> TrustedPullRequestAsync(PluginContext context, PullRequestFacts pr) =>
        pr.HasLabel(TriggerLabels.OkToTest)
        || await TrustChecker.IsTrustedUserAsync(context, context.Config.Plugins.TriggerFor(pr.Org, pr.Repo), pr.Org, pr.Repo, pr.Author);

    private static Task ReplyAsync(PluginContext context, PullRequestFacts pr, string login, string message) =>
        context.GitHub.CreateCommentAsync(pr.Org, pr.Repo, pr.Number, TriggerReplies.To(login, message), context.CancellationToken);

    private static Task RunAsync(PluginContext context, PullRequestFacts pr, IEnumerable<Presubmit> jobs, string requestedBy, string reason)
    {
        var now = context.Time.GetUtcNow();
        foreach (var job in jobs.DistinctBy(j => j.Name, StringComparer.Ordinal))
        {
            context.RequestJob(new GrainInterfaces.ProwJobRequest(job.Name, "presubmit", job.Context, pr.Org, pr.Repo, pr.BaseRef, pr.BaseSha, pr.Number, pr.HeadSha, pr.Author, requestedBy, reason, now));
        }

        return Task.CompletedTask;
    }
}
