using Prow.FakeGitHub;

namespace Prow.Silo.Tests;

/// <summary>
/// The repository the OWNERS plugins are tested on: OWNERS files on main (root, pkg, docs through an alias), the
/// people in them as collaborators, pull requests with changed files, and comments that exist on GitHub before
/// their webhook arrives, as they do for real.
/// </summary>
internal static class OwnersScenario
{
    public const string RootApprover = "root-approver";
    public const string PkgApprover = "pkg-approver";
    public const string DocApprover = "doc-approver";
    public const string Collaborator = "bob";

    private static long s_commentId = 900_000;

    /// <summary>A plugins.yaml host for one test class, with the OWNERS repository seeded.</summary>
    public static async Task<PluginTestHost> StartAsync(string plugins, string? extraPluginsYaml = null)
    {
        var host = await PluginTestHost.StartAsync("", plugins, extraPluginsYaml: extraPluginsYaml);
        host.FakeRepo
            .WithFile("main", "OWNERS_ALIASES", "aliases:\n  docs-team: [doc-approver]\n")
            .WithFile("main", "OWNERS", "approvers: [root-approver]\nreviewers: [root-reviewer]\n")
            .WithFile("main", "pkg/OWNERS", "approvers: [pkg-approver]\nreviewers: [pkg-approver, rev-one, rev-two]\n")
            .WithFile("main", "docs/OWNERS", "approvers: [docs-team]\nreviewers: [doc-reviewer]\n");
        foreach (var login in new[] { RootApprover, PkgApprover, DocApprover, Collaborator, "rev-one", "rev-two", "root-reviewer", "doc-reviewer" })
        {
            host.FakeRepo.Collaborators[login] = "write";
        }

        return host;
    }

    public static FakeIssue PullRequest(PluginTestHost host, int number, string author, string headSha, params string[] files)
    {
        var pr = host.FakeRepo.AddPullRequest(number, "a change", author, headSha);
        pr.Files.AddRange(files.Select(f => new FakeChangedFile(f, Additions: 10)));
        return pr;
    }

    public static Task OpenedAsync(PluginTestHost host, int number, string author, string headSha, string action = "opened", bool draft = false) =>
        host.SendAsync("pull_request", Webhooks.PullRequest(action, PluginTestHost.Repo, number, author, headSha, draft: draft), pullRequest: number);

    /// <summary>Writes the comment on the fake GitHub, then delivers its webhook.</summary>
    public static async Task CommentAsync(PluginTestHost host, int number, string commenter, string body, string prAuthor = "alice")
    {
        var now = DateTimeOffset.UtcNow;
        host.FakeRepo.Comments.Add(new FakeComment(Interlocked.Increment(ref s_commentId), number, commenter, body, now, now));
        await host.SendAsync("issue_comment", Webhooks.PullRequestComment(PluginTestHost.Repo, number, body, commenter, prAuthor), pullRequest: number);
    }

    /// <summary>Records the review on the fake GitHub, then delivers its webhook.</summary>
    public static async Task ReviewAsync(PluginTestHost host, int number, string reviewer, string state, string body = "", string prAuthor = "alice")
    {
        var pr = host.FakeRepo.Issues[number];
        pr.Reviews.Add(new FakeReview(Interlocked.Increment(ref s_commentId), reviewer, state, body, pr.HeadSha, DateTimeOffset.UtcNow));
        await host.SendAsync("pull_request_review", Webhooks.PullRequestReview(PluginTestHost.Repo, number, reviewer, state.ToLowerInvariant(), pr.HeadSha, body, prAuthor), pullRequest: number);
    }

    /// <summary>The bot's comments on a pull request.</summary>
    public static IReadOnlyList<FakeComment> BotComments(PluginTestHost host, int number) =>
        [.. host.GitHub.CommentsOn(PluginTestHost.Repo, number).Where(c => c.Author == host.GitHub.State.BotLogin)];
}
