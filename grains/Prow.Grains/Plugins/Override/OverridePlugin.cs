using System.Text.RegularExpressions;
using Prow.Clients.GitHub;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Override;

/// <summary>
/// <c>/override &lt;context&gt;…</c>: a repository admin (or a member of a team allowed in plugins.yaml's override section)
/// turns failed or missing status contexts green, with "Overridden by &lt;user&gt;" and the base SHA it holds for.
/// <c>/override-cancel [context]</c> sets overridden contexts (all, or the named one) back to failure.
/// </summary>
public sealed partial class OverridePlugin : IPlugin, IGenericCommentHandler
{
    public const string PluginName = "override";
    public const string DescriptionPrefix = "Overridden by";

    /// <summary>GitHub keeps at most this many characters of a status description.</summary>
    private const int MaxDescriptionLength = 140;

    public string Name => PluginName;

    [GeneratedRegex(@"(?mi)^/override( +(.+?))?\s*$")]
    private static partial Regex OverrideLine();

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

        if (Commands.Find(OverrideLine(), comment.Body) is { Count: > 0 } overrides)
        {
            await OverrideAsync(context, comment, overrides);
        }
    }

    public PluginHelp Help(PluginHelpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var who = OverrideAuthorization.WhoCanUse(context.Config.Plugins.Override.AllowedGitHubTeams, "", "");
        return new PluginHelp(
            "Forces status contexts to pass.",
            "The override plugin lets repository admins (and the teams allowed in plugins.yaml's override.allowed_github_teams) mark failed or missing status contexts of a pull request as passing. An override holds for the base commit it was made on.",
            ["issue_comment", "pull_request_review", "pull_request_review_comment"],
            [
                new("/override [context1] [context2]", "Turns the named status contexts (or the contexts of the named jobs) green. A context with spaces must be quoted.",
                    ["/override pull-repo-unit", "/override \"ci / unit tests\"", "/override pull-repo-unit other-context"], who),
                new("/override-cancel [context]", "Sets overridden contexts back to failure: the named one, or all of them.", ["/override-cancel pull-repo-unit", "/override-cancel"], who),
            ]);
    }

    /// <summary>"Overridden by alice BaseSHA:…", shortened (not the SHA) to fit GitHub's limit.</summary>
    public static string Description(string user, string baseSha)
    {
        var suffix = " BaseSHA:" + baseSha;
        var text = DescriptionPrefix + " " + user;
        var room = MaxDescriptionLength - suffix.Length;
        return (text.Length > room ? text[..Math.Max(0, room)] : text) + suffix;
    }

    private static async Task OverrideAsync(PluginContext context, GenericCommentEvent comment, IReadOnlyList<Match> lines)
    {
        if (lines.Any(l => !l.Groups[2].Success))
        {
            await ReplyAsync(context, comment, "/override needs the failed status contexts to override, and none was given.");
            return;
        }

        var (org, repo, ct) = (comment.Org, comment.Repo, context.CancellationToken);
        var requested = lines.SelectMany(l => OverrideCommand.Contexts(l.Groups[2].Value)).ToHashSet(StringComparer.Ordinal);
        var pr = await context.GitHub.GetPullRequestAsync(org, repo, comment.Number, ct);
        if (await RefusedAsync(context, comment, "/override"))
        {
            return;
        }

        var failing = await FailingContextsAsync(context, org, repo, pr);
        var jobs = context.Config.Jobs.PresubmitsFor(org, repo);
        var known = failing.Keys.Concat(failing.Keys.SelectMany(c => jobs.Where(j => j.Context == c).Select(j => j.Name))).ToHashSet(StringComparer.Ordinal);
        var unknown = requested.Where(r => !known.Contains(r)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            await ReplyAsync(context, comment, UnknownContexts(unknown, known));
            return;
        }

        var baseSha = await context.GitHub.GetRefShaAsync(org, repo, "heads/" + pr.Base.Ref, ct);
        var done = new List<string>();
        foreach (var (statusContext, targetUrl) in failing)
        {
            if (!requested.Contains(statusContext) && !jobs.Any(j => j.Context == statusContext && requested.Contains(j.Name)))
            {
                continue;
            }

            var status = new NewCommitStatus { State = StatusState.Success, Context = statusContext, Description = Description(comment.Commenter, baseSha), TargetUrl = targetUrl };
            await context.GitHub.CreateStatusAsync(org, repo, pr.Head.Sha, status, ct);
            done.Add(statusContext);
        }

        await ReplyAsync(context, comment, $"Overrode contexts on behalf of {comment.Commenter}: {string.Join(", ", done.Order(StringComparer.Ordinal))}");
    }

    private static async Task CancelAsync(PluginContext context, GenericCommentEvent comment, IReadOnlyList<Match> lines)
    {
        var (org, repo, ct) = (comment.Org, comment.Repo, context.CancellationToken);
        var pr = await context.GitHub.GetPullRequestAsync(org, repo, comment.Number, ct);
        if (await RefusedAsync(context, comment, "/override-cancel"))
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
    private static async Task<bool> RefusedAsync(PluginContext context, GenericCommentEvent comment, string command)
    {
        if (await OverrideAuthorization.IsAuthorizedAsync(context, comment.Org, comment.Repo, comment.Commenter))
        {
            return false;
        }

        var who = OverrideAuthorization.WhoCanUse(context.Config.Plugins.Override.AllowedGitHubTeams, comment.Org, comment.Repo);
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

    private static string UnknownContexts(IReadOnlyList<string> unknown, IReadOnlySet<string> known) =>
        $"""
        /override needs failed status contexts or job names. These were not found:
        {string.Join('\n', unknown.Select(u => $" - `{u}`"))}

        Only these failed contexts could be overridden:
        {string.Join('\n', known.Order(StringComparer.Ordinal).Select(k => $" - `{k}`"))}

        A context with spaces in its name must be put in double quotes.
        """;

    private static Task ReplyAsync(PluginContext context, GenericCommentEvent comment, string message) =>
        context.GitHub.CreateCommentAsync(comment.Org, comment.Repo, comment.Number, CommandResponse.To(comment, message), context.CancellationToken);
}
