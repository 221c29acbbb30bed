using Prow.FakeGitHub;
using Prow.GrainInterfaces.ProwJobs;
using Prow.TestKit;

namespace Prow.Silo.Tests;

/// <summary>
/// Crier's test report comment on the fake GitHub as Prow writes it: Prow's own comment is taken over, each new
/// failure deletes the comment and posts a new one (an edit notifies nobody), plank's report_templates is rendered
/// for the repository, and github_reporter's no_comment_repos and summary_comment_repos are honoured.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class TestReportCommentEndToEndTests
{
    private const string Repo = PluginTestHost.Repo;

    /// <summary>What Prow's crier left on the pull request before this prow took over (its marker, the bot's login).</summary>
    private const string ProwsComment = """
        @alice: The following test **failed**, say `/retest` to rerun all failed tests or `/retest-required` to rerun all mandatory failed tests:

        Test name | Commit | Details | Required | Rerun command
        --- | --- | --- | --- | ---
        e2e | 0ldc0mm1t | [link](https://prow.example/view/1) | true | `/test e2e`

        <details>

        about the bot
        </details>
        <!-- test report -->
        """;

    private const string FailingJobs = """
        presubmits:
          org/repo:
          - name: lint
            always_run: true
            spec: {containers: [{image: alpine, command: [sh, -c, "exit 1"]}]}
          - name: unit
            spec: {containers: [{image: alpine, command: [sh, -c, "exit 1"]}]}
        """;

    [Fact]
    public async Task NewFailures_ReplaceTheComment_ProwsCommentIsTakenOver_AndTheRepositorysTemplateIsRendered()
    {
        await using var host = await PluginTestHost.StartAsync(FailingJobs, "trigger", configYaml: """
            plank:
              report_templates:
                '*': 'The global template.'
                org/repo: 'History of {{.Spec.Refs.Org}}/{{.Spec.Refs.Repo}} for {{.Spec.Job}}.'
            """);
        host.FakeRepo.AddPullRequest(1, "feature", "alice", "head1");
        var now = DateTimeOffset.UtcNow;
        host.GitHub.Change(Repo, r =>
        {
            r.Comments.Add(new FakeComment(9001, 1, "prow-bot", ProwsComment, now, now));
            r.Comments.Add(new FakeComment(9002, 1, "mallory", ProwsComment, now, now));
        });

        await host.SendAsync("pull_request", Webhooks.PullRequest("opened", Repo, 1, "alice", "head1"), pullRequest: 1);
        await PluginTestHost.WaitUntilAsync(
            () => ReportComments(host).Any(c => c.Body.Contains("lint |", StringComparison.Ordinal)),
            () => "no report comment with lint; comments: " + Describe(host));

        var first = Assert.Single(ReportComments(host));
        Assert.StartsWith("@alice: The following tests **failed**", first.Body, StringComparison.Ordinal);
        Assert.Contains("e2e | 0ldc0mm1t | [link](https://prow.example/view/1) | true | `/test e2e`", first.Body, StringComparison.Ordinal);
        Assert.Contains("lint | head1 | [link](", first.Body, StringComparison.Ordinal);
        Assert.Contains("| true | `/test lint`", first.Body, StringComparison.Ordinal);
        Assert.Contains("\n\nHistory of org/repo for lint.\n", first.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("The global template.", first.Body, StringComparison.Ordinal);
        Assert.EndsWith("</details>\n<!-- test report -->", first.Body, StringComparison.Ordinal);
        Assert.Single(host.GitHub.CallsTo("DELETE", "/repos/org/repo/issues/comments/9001"));
        Assert.Contains(host.GitHub.CommentsOn(Repo, 1), c => c.Id == 9002); // not the bot's: left alone

        await host.SendAsync("issue_comment", Webhooks.PullRequestComment(Repo, 1, "/test unit", "alice"), pullRequest: 1);
        await PluginTestHost.WaitUntilAsync(
            () => ReportComments(host).Any(c => c.Body.Contains("unit |", StringComparison.Ordinal)),
            () => "no report comment with unit; comments: " + Describe(host));

        var second = Assert.Single(ReportComments(host));
        Assert.NotEqual(first.Id, second.Id);
        Assert.Contains("e2e | 0ldc0mm1t", second.Body, StringComparison.Ordinal);
        Assert.Contains("lint | head1", second.Body, StringComparison.Ordinal);
        Assert.Contains("unit | head1", second.Body, StringComparison.Ordinal);
        Assert.Single(host.GitHub.CallsTo("DELETE", $"/repos/org/repo/issues/comments/{first.Id}"));
        Assert.DoesNotContain(host.GitHub.Calls, c => c.Method == "PATCH" && c.Path.Contains("/issues/comments/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoCommentRepos_GetStatusesButNoComment()
    {
        await using var host = await PluginTestHost.StartAsync(FailingJobs, "trigger", configYaml: """
            github_reporter:
              no_comment_repos: [org]
            """);
        host.FakeRepo.AddPullRequest(1, "feature", "alice", "head1");

        await host.SendAsync("pull_request", Webhooks.PullRequest("opened", Repo, 1, "alice", "head1"), pullRequest: 1);
        await host.WaitForStatusesAsync("head1", ["lint"], "failure");
        var id = JobId(host, "head1", "lint");
        await Poll.UntilAsync(async () => (await host.Prow.Grains.GetGrain<ICrierGrain>(id).OwedAsync()).Count == 0);

        Assert.Empty(host.GitHub.CommentsOn(Repo, 1));
    }

    [Fact]
    public async Task SummaryCommentRepos_SayAllPassedOnceEveryJobHasEnded()
    {
        await using var host = await PluginTestHost.StartAsync("""
            presubmits:
              org/repo:
              - name: lint
                always_run: true
                spec: {containers: [{image: alpine, command: ["true"]}]}
              - name: unit
                always_run: true
                spec: {containers: [{image: alpine, command: ["true"]}]}
            """, "trigger", configYaml: """
            github_reporter:
              summary_comment_repos: [org/repo]
            """);
        host.FakeRepo.AddPullRequest(1, "feature", "alice", "head1");

        await host.SendAsync("pull_request", Webhooks.PullRequest("opened", Repo, 1, "alice", "head1"), pullRequest: 1);
        await host.WaitForStatusesAsync("head1", ["lint", "unit"], "success");
        foreach (var context in new[] { "lint", "unit" })
        {
            var id = JobId(host, "head1", context);
            await Poll.UntilAsync(async () => (await host.Prow.Grains.GetGrain<ICrierGrain>(id).OwedAsync()).Count == 0);
        }

        // The job ending first saw the other still running and left no comment; the second summed both up.
        var comment = Assert.Single(host.GitHub.CommentsOn(Repo, 1));
        Assert.StartsWith("@alice: all tests **passed!**\n", comment.Body, StringComparison.Ordinal);
        Assert.EndsWith("<!-- test report -->", comment.Body, StringComparison.Ordinal);
    }

    private static IReadOnlyList<FakeComment> ReportComments(PluginTestHost host) =>
        [.. host.GitHub.CommentsOn(Repo, 1).Where(c => c.Author == "prow-bot" && c.Body.Contains("<!-- test report -->", StringComparison.Ordinal))];

    private static string Describe(PluginTestHost host) =>
        string.Join(" / ", host.GitHub.CommentsOn(Repo, 1).Select(c => $"#{c.Id} by {c.Author}: {c.Body}"));

    /// <summary>The job's id, from the link its final status carries (deck's <c>/view/ID</c>).</summary>
    private static string JobId(PluginTestHost host, string sha, string context) =>
        host.GitHub.StatusesFor(Repo, sha).First(s => s.Context == context && s.State is "success" or "failure").TargetUrl!.Split('/')[^1];
}
