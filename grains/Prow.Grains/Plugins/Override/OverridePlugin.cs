using System.Text.RegularExpressions;
using Prow.Clients.GitHub;
using Prow.Grains.OwnersFiles;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Override;

/// <summary>
/// <c>/override &lt;context&gt;…</c>: someone allowed (see <see cref="OverrideAuthorization"/>) turns failed or missing
/// status contexts (and, as a GitHub App, failed check runs) green, with "Overridden by &lt;user&gt;" and the base SHA
/// it holds for. A context that belongs to a presubmit also gets a ProwJob created in the success state, so the job
/// index, the status site and tide see a passing run. <c>/override-sticky</c> does the same with Prow's skip-retest
/// mark, which keeps it passing for the head commit when the base branch moves. <c>/override-cancel [context]</c>
/// sets overridden contexts (all, or the named ones) back to failure.
/// </summary>
public sealed partial class OverridePlugin(RepoOwnersLoader owners) : IPlugin, IGenericCommentHandler
{
    public const string PluginName = "override";
    public const string DescriptionPrefix = "Overridden by";

    /// <summary>GitHub keeps at most this many characters of a status description.</summary>
    private const int MaxDescriptionLength = 140;

    public string Name => PluginName;

    [GeneratedRegex(@"(?mi)^/override( +(.+?))?\s*$")]
    private static partial Regex OverrideLine();

    [GeneratedRegex(@"(?mi)^/override-sticky( +(.+?))?\s*$")]
    private static partial Regex StickyLine();

    [GeneratedRegex(@"(?mi)^/override-cancel( +(.+?))?\s*$")]
    private static partial Regex CancelLine();

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (!comment.IsPullRequest || comment.IssueState != "open" || comment.Action != GenericCommentEvent.Created)
        {
            return;
        }

        if (Commands.Find(CancelLine(), comment.Body) is { Count: > 0 } cancels)
        {
            await CancelAsync(context, comment, cancels);
        }

        if (Commands.Find(StickyLine(), comment.Body) is { Count: > 0 } sticky)
        {
            await OverrideAsync(context, comment, sticky, isSticky: true);
        }

        if (Commands.Find(OverrideLine(), comment.Body) is { Count: > 0 } overrides)
        {
            await OverrideAsync(context, comment, overrides, isSticky: false);
        }
    }

    public PluginHelp Help(PluginHelpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var who = OverrideAuthorization.WhoCanUse(context.Config.Plugins.Override, "", "");
        return new PluginHelp(
            "Forces status contexts to pass.",
            "The override plugin lets repository admins (and the teams allowed in plugins.yaml's override.allowed_github_teams, and with override.allow_top_level_owners the root OWNERS approvers) mark failed or missing status contexts of a pull request as passing. An override holds for the base commit it was made on; a context that belongs to a presubmit also gets a passing ProwJob.",
            ["issue_comment", "pull_request_review", "pull_request_review_comment"],
            [
                new("/override [context1] [context2]", "Turns the named status contexts (or the contexts of the named jobs) green until the base branch moves. A context with spaces must be quoted.",
                    ["/override pull-repo-unit", "/override \"ci / unit tests\"", "/override pull-repo-unit other-context"], who),
                new("/override-sticky [context1] [context2]", "Like /override, but the contexts stay green for the current head commit when the base branch moves; a new push clears them.",
                    ["/override-sticky pull-repo-unit", "/override-sticky \"ci / unit tests\""], who),
                new("/override-cancel [context]", "Sets overridden contexts (sticky or not) back to failure: the named one, or all of them.", ["/override-cancel pull-repo-unit", "/override-cancel"], who),
            ]);
    }

    /// <summary>"Overridden by alice BaseSHA:…", shortened (not the SHA) to fit GitHub's limit.</summary>
    public static string Description(string user, string baseSha, bool sticky = false)
    {
        var suffix = " BaseSHA:" + baseSha;
        var text = HumanDescription(user, sticky);
        var room = MaxDescriptionLength - suffix.Length;
        return (text.Length > room ? text[..Math.Max(0, room)] : text) + suffix;
    }

    private static string HumanDescription(string user, bool sticky) => $"{DescriptionPrefix} {user}" + (sticky ? " " + Config.ContextDescriptions.SkipRetestSentinel : "");

    private async Task OverrideAsync(PluginContext context, GenericCommentEvent comment, IReadOnlyList<Match> lines, bool isSticky)
    {
        var command = isSticky ? "/override-sticky" : "/override";
        if (lines.Any(l => !l.Groups[2].Success))
        {
            await ReplyAsync(context, comment, $"{command} needs the failed status contexts to override, and none was given.");
            return;
        }

        var (org, repo, ct) = (comment.Org, comment.Repo, context.CancellationToken);
        var requested = lines.SelectMany(l => OverrideCommand.Contexts(l.Groups[2].Value)).ToHashSet(StringComparer.Ordinal);
        var pr = await context.GitHub.GetPullRequestAsync(org, repo, comment.Number, ct);
        if (await RefusedAsync(context, comment, command, pr.Base.Ref))
        {
            return;
        }

        var failing = await FailingContextsAsync(context, org, repo, pr);
        var failedRuns = context.GitHub.AuthenticatesAsApp ? await FailedCheckRunsAsync(context, org, repo, pr.Head.Sha) : [];
        var jobs = context.Config.Jobs.PresubmitsFor(org, repo);
        var known = failing.Keys.Concat(failing.Keys.SelectMany(c => jobs.Where(j => j.Context == c).Select(j => j.Name))).Concat(failedRuns).ToHashSet(StringComparer.Ordinal);
        var unknown = requested.Where(r => !known.Contains(r)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            await ReplyAsync(context, comment, UnknownContexts(command, unknown, known));
            return;
        }

        var baseSha = await context.GitHub.GetRefShaAsync(org, repo, "heads/" + pr.Base.Ref, ct);
        var description = Description(comment.Commenter, baseSha, isSticky);
        var done = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (statusContext, targetUrl) in failing)
        {
            var job = jobs.FirstOrDefault(j => j.Context == statusContext);
            if (!requested.Contains(statusContext) && !(job is not null && requested.Contains(job.Name)))
            {
                continue;
            }

            if (job is not null)
            {
                // Prow's description for the job omits the base SHA; here it carries the status's description, so the
                // job's own report (crier) writes the same status the plugin writes.
                context.RequestJob(new ProwJobRequest(job.Name, ProwJobType.Presubmit, job.Context, org, repo, pr.Base.Ref, baseSha, pr.Number, pr.Head.Sha, pr.User.Login,
                    comment.Commenter, command, context.Time.GetUtcNow(), new ProwJobOutcome(ProwJobState.Success, description, comment.HtmlUrl is { Length: > 0 } url ? url : null)));
            }

            var status = new NewCommitStatus { State = StatusState.Success, Context = statusContext, Description = description, TargetUrl = targetUrl };
            await context.GitHub.CreateStatusAsync(org, repo, pr.Head.Sha, status, ct);
            done.Add(statusContext);
        }

        foreach (var run in failedRuns.Where(requested.Contains))
        {
            await context.GitHub.CreateCheckRunAsync(org, repo, new CheckRunBody
            {
                Name = run,
                HeadSha = pr.Head.Sha,
                Status = "completed",
                Conclusion = "success",
                Output = new CheckRunOutput { Title = $"Prow override - {run}", Summary = $"Prow has received override command for the {run} checkrun." },
            }, ct);
            done.Add(run);
        }

        var message = $"Overrode contexts on behalf of {comment.Commenter}: {string.Join(", ", done)}";
        await ReplyAsync(context, comment, isSticky
            ? message + "\n\nThese overrides stay for the current head commit when the base branch moves; a new push clears them, and `/override-cancel` removes them."
            : message);
    }

    private async Task CancelAsync(PluginContext context, GenericCommentEvent comment, IReadOnlyList<Match> lines)
    {
        var (org, repo, ct) = (comment.Org, comment.Repo, context.CancellationToken);
        var pr = await context.GitHub.GetPullRequestAsync(org, repo, comment.Number, ct);
        if (await RefusedAsync(context, comment, "/override-cancel", pr.Base.Ref))
        {
            return;
        }

        var all = lines.Any(l => !l.Groups[2].Success);
        var named = lines.Where(l => l.Groups[2].Success).SelectMany(l => OverrideCommand.Contexts(l.Groups[2].Value)).ToHashSet(StringComparer.Ordinal);
        var overridden = (await context.GitHub.ListStatusesAsync(org, repo, pr.Head.Sha, ct))
            .DistinctBy(s => s.Context, StringComparer.Ordinal)
            .Where(s => s.Description?.StartsWith(DescriptionPrefix, StringComparison.Ordinal) == true && (all || named.Contains(s.Context)))
            .ToList();
        if (overridden.Count == 0)
        {
            await ReplyAsync(context, comment, "There are no overrides to cancel.");
            return;
        }

        foreach (var status in overridden)
        {
            var failure = new NewCommitStatus { State = StatusState.Failure, Context = status.Context, Description = $"Override cancelled by {comment.Commenter}", TargetUrl = status.TargetUrl };
            await context.GitHub.CreateStatusAsync(org, repo, pr.Head.Sha, failure, ct);
        }

        await ReplyAsync(context, comment, $"Cancelled overrides on behalf of {comment.Commenter}: {string.Join(", ", overridden.Select(s => s.Context).Order(StringComparer.Ordinal))}");
    }

    /// <summary>Tells an unauthorized commenter who may use the command; true when they were refused.</summary>
    private async Task<bool> RefusedAsync(PluginContext context, GenericCommentEvent comment, string command, string baseBranch)
    {
        if (await OverrideAuthorization.IsAuthorizedAsync(context, owners, comment.Org, comment.Repo, comment.Commenter, baseBranch))
        {
            return false;
        }

        var who = OverrideAuthorization.WhoCanUse(context.Config.Plugins.Override, comment.Org, comment.Repo);
        await ReplyAsync(context, comment, $"{comment.Commenter} unauthorized: {command} is restricted to {who}");
        return true;
    }

    /// <summary>Context → target URL of every context not passing on the head: latest statuses that are not success, and required contexts with no status yet.</summary>
    private static async Task<Dictionary<string, string?>> FailingContextsAsync(PluginContext context, string org, string repo, PullRequest pr)
    {
        var ct = context.CancellationToken;
        var latest = (await context.GitHub.ListStatusesAsync(org, repo, pr.Head.Sha, ct)).DistinctBy(s => s.Context, StringComparer.Ordinal).ToList();
        var failing = latest.Where(s => s.State != StatusState.Success).ToDictionary(s => s.Context, s => s.TargetUrl, StringComparer.Ordinal);
        var protection = await context.GitHub.GetBranchProtectionAsync(org, repo, pr.Base.Ref, ct);
        foreach (var required in protection?.RequiredStatusChecks?.Contexts ?? [])
        {
            if (!latest.Any(s => s.Context == required))
            {
                failing[required] = null;
            }
        }

        return failing;
    }

    /// <summary>
    /// Names of the head's check runs that completed without passing. Runs of one name are judged by the best of them, as
    /// Prow does: a passing or still running one means the name is not failed.
    /// </summary>
    private static async Task<IReadOnlyList<string>> FailedCheckRunsAsync(PluginContext context, string org, string repo, string sha)
    {
        var runs = await context.GitHub.ListCheckRunsAsync(org, repo, sha, context.CancellationToken);
        return [.. runs.GroupBy(r => r.Name, StringComparer.Ordinal)
            .Where(g => g.All(r => r.Status == "completed" && r.Conclusion is not ("success" or "neutral")))
            .Select(g => g.Key)];
    }

    private static string UnknownContexts(string command, IReadOnlyList<string> unknown, IReadOnlySet<string> known) =>
        $"""
        {command} needs failed status contexts, check runs or job names. These were not found:
        {string.Join('\n', unknown.Select(u => $" - `{u}`"))}

        Only these failed contexts could be overridden:
        {string.Join('\n', known.Order(StringComparer.Ordinal).Select(k => $" - `{k}`"))}

        A context with spaces in its name must be put in double quotes.
        """;

    private static Task ReplyAsync(PluginContext context, GenericCommentEvent comment, string message) =>
        context.GitHub.CreateCommentAsync(comment.Org, comment.Repo, comment.Number, CommandResponse.To(comment, message), context.CancellationToken);
}
