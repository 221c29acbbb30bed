using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Prow.Clients.GitHub;
using Prow.Clients.GitHub.Events;
using Prow.Config.Jobs;
using Prow.Config.Plugins;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Trigger;

/// <summary>
/// Starts presubmits: on pull request events for trusted pull requests (opened, reopened, pushed to, ready for review,
/// moved to another base, labelled <c>ok-to-test</c> by hand, or labelled <c>lgtm</c> while untrusted), and on
/// <c>/test</c>, <c>/retest</c>, <c>/retest-required</c> and <c>/ok-to-test</c>. Untrusted authors get
/// <c>needs-ok-to-test</c> until a trusted user says <c>/ok-to-test</c>. Drafts run nothing by themselves.
/// </summary>
public sealed partial class TriggerPlugin : IPlugin, IPullRequestHandler, IGenericCommentHandler
{
    public const string PluginName = "trigger";

    public string Name => PluginName;

    [GeneratedRegex(@"(?mi)^/ok-to-test\s*$")]
    private static partial Regex OkToTest();

    [GeneratedRegex(@"(?m)^/ok-to-test\s+cancel\s*$")]
    private static partial Regex OkToTestCancel();

    [GeneratedRegex(@"(?mi)^/retest\s*$")]
    private static partial Regex Retest();

    [GeneratedRegex(@"(?mi)^/retest-required\s*$")]
    private static partial Regex RetestRequired();

    // Prow's help patterns (pjutil/help.go), case-sensitive as there.
    [GeneratedRegex(@"(?m)^/test[ \t]*\?\s*$")]
    private static partial Regex TestHelp();

    [GeneratedRegex(@"(?m)^/test\s*$")]
    private static partial Regex EmptyTest();

    [GeneratedRegex(@"(?m)^/retest[ \t]+\S+")]
    private static partial Regex RetestWithTarget();

    [GeneratedRegex(@"(?m)^/test[ \t]+\S+")]
    private static partial Regex TestWithTarget();

    [GeneratedRegex(@"(?m)^/(?:re)?test\b")]
    private static partial Regex AnyTest();

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
            case "opened":
                if (!await TrustChecker.IsTrustedUserAsync(context, trigger, pr.Org, pr.Repo, pr.Author))
                {
                    await WelcomeAsync(context, trigger, pr);
                }
                else if (pr.Draft)
                {
                    // Said once, when the draft is opened; later pushes to it stay quiet.
                    await context.GitHub.CreateCommentAsync(pr.Org, pr.Repo, pr.Number, TriggerReplies.DraftSkipped, context.CancellationToken);
                }
                else
                {
                    await RunAutomaticAsync(context, pr, pr.Author, "opened");
                }

                break;
            case "reopened" or "synchronize" or "ready_for_review":
                await RunIfTrustedAsync(context, trigger, pr, pullRequest.Sender.Login, pullRequest.Action);
                break;
            case "edited" when pullRequest.Changes?.BaseChanged == true:
                // Moved onto another base branch: what runs, and against what, may differ now.
                await RunIfTrustedAsync(context, trigger, pr, pullRequest.Sender.Login, "base changed");
                break;
            case "labeled" when string.Equals(pullRequest.Label?.Name, TriggerLabels.OkToTest, StringComparison.OrdinalIgnoreCase):
                // The bot's own label comes from /ok-to-test, whose comment already started the jobs.
                if (!string.Equals(pullRequest.Sender.Login, await context.BotLoginAsync(), StringComparison.OrdinalIgnoreCase))
                {
                    await RunAutomaticAsync(context, pr, pullRequest.Sender.Login, "ok-to-test label");
                }

                break;
            case "labeled" when string.Equals(pullRequest.Label?.Name, "lgtm", StringComparison.OrdinalIgnoreCase):
                // An untrusted pull request someone found good enough to lgtm is tested once, as in Prow.
                if (!await TrustedPullRequestAsync(context, trigger, pr))
                {
                    await RunAutomaticAsync(context, pr, pullRequest.Sender.Login, "lgtm label");
                }

                break;
        }
    }

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (!comment.IsPullRequest || comment.Action != GenericCommentEvent.Created || comment.IssueState != "open"
            || string.Equals(comment.Commenter, await context.BotLoginAsync(), StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var body = Commands.Unquoted(comment.Body);
        if (!MentionsTrigger(context, comment, body))
        {
            return;
        }

        var trigger = context.Config.Plugins.TriggerFor(comment.Org, comment.Repo);
        var commenterTrusted = await TrustChecker.IsTrustedUserAsync(context, trigger, comment.Org, comment.Repo, comment.Commenter);
        var labels = await IssueLabels.CurrentAsync(context, comment.Org, comment.Repo, comment.Number);
        if (!commenterTrusted
            && !IssueLabels.Has(labels, TriggerLabels.OkToTest)
            && !await TrustChecker.IsTrustedUserAsync(context, trigger, comment.Org, comment.Repo, comment.IssueAuthor))
        {
            await ReplyAsync(context, comment, trigger.IgnoreOkToTest ? TriggerReplies.CannotTriggerIgnoringOkToTest : TriggerReplies.CannotTrigger);
            return;
        }

        var okToTest = !trigger.IgnoreOkToTest && OkToTest().IsMatch(body);
        if (okToTest && !IssueLabels.Has(labels, TriggerLabels.OkToTest))
        {
            await context.GitHub.AddLabelsAsync(comment.Org, comment.Repo, comment.Number, [TriggerLabels.OkToTest], context.CancellationToken);
        }

        if ((okToTest || IssueLabels.Has(labels, TriggerLabels.OkToTest)) && IssueLabels.Has(labels, TriggerLabels.NeedsOkToTest))
        {
            await context.GitHub.RemoveLabelAsync(comment.Org, comment.Repo, comment.Number, TriggerLabels.NeedsOkToTest, context.CancellationToken);
        }

        if (!trigger.IgnoreOkToTest && OkToTestCancel().IsMatch(body))
        {
            await RevokeOkToTestAsync(context, comment, commenterTrusted, labels);
            return;
        }

        var pr = PullRequestFacts.From(comment.Org, comment.Repo, await context.GitHub.GetPullRequestAsync(comment.Org, comment.Repo, comment.Number, context.CancellationToken));
        var (jobs, reason) = await RequestedAsync(context, pr, body, okToTest);
        if (HelpNote(body, jobs.Count) is { } note)
        {
            var candidates = PresubmitSelection.Candidates(context, pr);
            var testAll = await PresubmitSelection.AutomaticAsync(context, pr);
            await ReplyAsync(context, comment, TriggerReplies.Help(pr.Org, pr.Repo, pr.BaseRef, note, candidates, testAll));
            return;
        }

        if (trigger.TriggerGitHubWorkflows && (Retest().IsMatch(body) || PresubmitSelection.TestAll().IsMatch(body)))
        {
            await RerunFailedWorkflowsAsync(context, pr);
        }

        if (AnyTest().IsMatch(body))
        {
            await BotComments.PruneAsync(context, pr.Org, pr.Repo, pr.Number, TriggerReplies.IsHelp);
        }

        Run(context, pr, jobs, comment.Commenter, reason);
    }

    public PluginHelp Help(PluginHelpContext context) => new(
        "Starts presubmit jobs on pull requests.",
        "The trigger plugin starts jobs when pull requests are opened or updated by trusted users and when trusted users ask for them in comments. Trusted users are members of the organization (or of the configured trusted_org), collaborators (unless only_org_members) and the configured trusted apps. A pull request from anyone else gets the needs-ok-to-test label until a trusted user comments /ok-to-test or puts on the ok-to-test label. Drafts run nothing until they are ready for review, though /test still works on them. Moving a pull request to another base branch runs its jobs again. With trigger_github_workflows, /retest and /test all also rerun the pull request's failed GitHub Actions runs.",
        ["pull_request", "issue_comment", "pull_request_review", "pull_request_review_comment"],
        [
            new("/ok-to-test", "Marks a pull request from an untrusted author as safe to test and starts its jobs.", ["/ok-to-test"], "Members of the trusted organization."),
            new("/ok-to-test cancel", "Takes back /ok-to-test: the pull request needs it again before it is tested.", ["/ok-to-test cancel"], "Members of the trusted organization."),
            new("/test (<job name>|all)", "Starts the named job, or with 'all' every job that would run automatically.", ["/test all", "/test pull-unit"], "Anyone on a trusted pull request; trusted users on any pull request.", Featured: true),
            new("/test ?", "Lists the jobs that can be started on this pull request.", ["/test ?"], "Anyone on a trusted pull request."),
            new("/retest", "Starts again every job that failed on the current commit (and, with trigger_github_workflows, its failed GitHub Actions runs).", ["/retest"], "Anyone on a trusted pull request.", Featured: true),
            new("/retest-required", "Starts again the required jobs that failed on the current commit.", ["/retest-required"], "Anyone on a trusted pull request."),
        ]);

    /// <summary>Prow's ShouldRespondWithHelp: the note to answer with, or null when the comment needs no help.</summary>
    private static string? HelpNote(string body, int jobsToRun) =>
        TestHelp().IsMatch(body) ? ""
        : EmptyTest().IsMatch(body) ? TriggerReplies.TestWithoutTargetNote
        : RetestWithTarget().IsMatch(body) ? TriggerReplies.RetestWithTargetNote
        : jobsToRun == 0 && PresubmitSelection.TestAll().IsMatch(body) ? TriggerReplies.NoTestAllJobsNote
        : jobsToRun == 0 && TestWithTarget().IsMatch(body) ? TriggerReplies.TargetNotFoundNote
        : null;

    private static bool MentionsTrigger(PluginContext context, GenericCommentEvent comment, string body) =>
        OkToTest().IsMatch(body) || OkToTestCancel().IsMatch(body) || Retest().IsMatch(body) || RetestRequired().IsMatch(body)
        || PresubmitSelection.TestAll().IsMatch(body) || EmptyTest().IsMatch(body) || RetestWithTarget().IsMatch(body)
        || TestWithTarget().IsMatch(body) || TestHelp().IsMatch(body)
        || context.Config.Jobs.PresubmitsFor(comment.Org, comment.Repo).Any(p => p.TriggerMatches(body));

    private static async Task<(List<Presubmit> Jobs, string Reason)> RequestedAsync(PluginContext context, PullRequestFacts pr, string body, bool okToTest)
    {
        var jobs = new List<Presubmit>();
        var reason = "comment";
        if (okToTest)
        {
            jobs.AddRange(await PresubmitSelection.AutomaticAsync(context, pr));
            reason = "/ok-to-test";
        }

        var retest = Retest().IsMatch(body);
        if (retest || RetestRequired().IsMatch(body))
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

        return ([.. jobs.DistinctBy(j => j.Name, StringComparer.Ordinal)], reason);
    }

    private static async Task RevokeOkToTestAsync(PluginContext context, GenericCommentEvent comment, bool commenterTrusted, IReadOnlyList<string> labels)
    {
        if (!commenterTrusted)
        {
            await ReplyAsync(context, comment, TriggerReplies.OnlyTrustedRevoke);
            return;
        }

        await IssueLabels.EnsureAsync(context, comment.Org, comment.Repo, comment.Number, labels, TriggerLabels.OkToTest, wanted: false);
        await IssueLabels.EnsureAsync(context, comment.Org, comment.Repo, comment.Number, labels, TriggerLabels.NeedsOkToTest, wanted: true);
    }

    /// <summary>Reruns the failed jobs of the head commit's completed, unsuccessful GitHub Actions runs; a refusal is logged, as in Prow.</summary>
    private static async Task RerunFailedWorkflowsAsync(PluginContext context, PullRequestFacts pr)
    {
        IReadOnlyList<WorkflowRun> runs;
        try
        {
            runs = await context.GitHub.ListPullRequestWorkflowRunsAsync(pr.Org, pr.Repo, pr.HeadRef, pr.HeadSha, context.CancellationToken);
        }
        catch (GitHubApiException e)
        {
            LogWorkflowsUnreadable(context.Logger, e, pr.Org, pr.Repo, pr.Number);
            return;
        }

        foreach (var run in runs.Where(r => r.Failed))
        {
            try
            {
                await context.GitHub.RerunFailedJobsAsync(pr.Org, pr.Repo, run.Id, context.CancellationToken);
            }
            catch (GitHubApiException e)
            {
                LogWorkflowRerunRefused(context.Logger, e, pr.Org, pr.Repo, run.Id, run.Name);
            }
        }
    }

    private static async Task WelcomeAsync(PluginContext context, TriggerConfig trigger, PullRequestFacts pr)
    {
        if (!trigger.IgnoreOkToTest && !pr.HasLabel(TriggerLabels.NeedsOkToTest)
            && !IssueLabels.Has(await IssueLabels.CurrentAsync(context, pr.Org, pr.Repo, pr.Number), TriggerLabels.OkToTest))
        {
            await context.GitHub.AddLabelsAsync(pr.Org, pr.Repo, pr.Number, [TriggerLabels.NeedsOkToTest], context.CancellationToken);
        }

        await context.GitHub.CreateCommentAsync(pr.Org, pr.Repo, pr.Number, TriggerReplies.NeedsOkToTest(pr.Author, pr.Org, trigger.JoinOrgUrl), context.CancellationToken);
    }

    /// <summary>Prow's buildAllIfTrusted: a trusted pull request loses needs-ok-to-test and runs what runs automatically.</summary>
    private static async Task RunIfTrustedAsync(PluginContext context, TriggerConfig trigger, PullRequestFacts pr, string requestedBy, string reason)
    {
        if (await TrustChecker.IsTrustedUserAsync(context, trigger, pr.Org, pr.Repo, pr.Author))
        {
            await RunAutomaticAsync(context, pr, requestedBy, reason);
            return;
        }

        var labels = await IssueLabels.CurrentAsync(context, pr.Org, pr.Repo, pr.Number);
        if (!IssueLabels.Has(labels, TriggerLabels.OkToTest))
        {
            return;
        }

        if (IssueLabels.Has(labels, TriggerLabels.NeedsOkToTest))
        {
            await context.GitHub.RemoveLabelAsync(pr.Org, pr.Repo, pr.Number, TriggerLabels.NeedsOkToTest, context.CancellationToken);
        }

        await RunAutomaticAsync(context, pr, requestedBy, reason);
    }

    private static async Task RunAutomaticAsync(PluginContext context, PullRequestFacts pr, string requestedBy, string reason)
    {
        if (!pr.Draft)
        {
            Run(context, pr, await PresubmitSelection.AutomaticAsync(context, pr), requestedBy, reason);
        }
    }

    private static async Task<bool> TrustedPullRequestAsync(PluginContext context, TriggerConfig trigger, PullRequestFacts pr) =>
        await TrustChecker.IsTrustedUserAsync(context, trigger, pr.Org, pr.Repo, pr.Author)
        || IssueLabels.Has(await IssueLabels.CurrentAsync(context, pr.Org, pr.Repo, pr.Number), TriggerLabels.OkToTest);

    private static Task ReplyAsync(PluginContext context, GenericCommentEvent comment, string message) =>
        context.GitHub.CreateCommentAsync(comment.Org, comment.Repo, comment.Number, CommandResponse.To(comment, message), context.CancellationToken);

    private static void Run(PluginContext context, PullRequestFacts pr, IEnumerable<Presubmit> jobs, string requestedBy, string reason)
    {
        var now = context.Time.GetUtcNow();
        foreach (var job in jobs.DistinctBy(j => j.Name, StringComparer.Ordinal))
        {
            context.RequestJob(new GrainInterfaces.ProwJobRequest(job.Name, "presubmit", job.Context, pr.Org, pr.Repo, pr.BaseRef, pr.BaseSha, pr.Number, pr.HeadSha, pr.Author, requestedBy, reason, now));
        }
    }

    [LoggerMessage(EventId = 3161, Level = LogLevel.Warning, Message = "trigger: cannot list the GitHub Actions runs of {Org}/{Repo}#{Number}")]
    private static partial void LogWorkflowsUnreadable(ILogger logger, Exception exception, string org, string repo, int number);

    [LoggerMessage(EventId = 3162, Level = LogLevel.Warning, Message = "trigger: GitHub refused to rerun the failed jobs of workflow run {RunId} ({RunName}) in {Org}/{Repo}")]
    private static partial void LogWorkflowRerunRefused(ILogger logger, Exception exception, string org, string repo, long runId, string runName);
}
