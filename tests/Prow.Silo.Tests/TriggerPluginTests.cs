using Prow.FakeGitHub;

namespace Prow.Silo.Tests;

/// <summary>The trigger plugin end to end: signed webhooks into the real host, GitHub calls checked on the fake.</summary>
public sealed class TriggerPluginTests : IAsyncLifetime
{
    private const string Jobs = """
        presubmits:
          org/repo:
          - name: unit
            always_run: true
            spec: {containers: [{image: alpine, command: ["true"]}]}
          - name: docs
            run_if_changed: '^docs/'
            spec: {containers: [{image: alpine, command: ["true"]}]}
          - name: lint
            spec: {containers: [{image: alpine, command: ["true"]}]}
          - name: release-only
            always_run: true
            branches: [release-1.0]
            spec: {containers: [{image: alpine, command: ["true"]}]}
          - name: e2e
            always_run: true
            optional: true
            skip_branches: ['^dev-.*']
            spec: {containers: [{image: alpine, command: ["true"]}]}
        """;

    private PluginTestHost _host = null!;

    public async Task InitializeAsync() => _host = await PluginTestHost.StartAsync(Jobs, "trigger");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TrustedPullRequestOpened_RequestsExactlyTheJobsThatShouldRun()
    {
        Seed(1, "alice", "sha1", "src/main.go", "docs/guide.md");

        await _host.SendAsync("pull_request", Webhooks.PullRequest("opened", PluginTestHost.Repo, 1, "alice", "sha1"), pullRequest: 1);

        Assert.Equal(["unit", "docs", "e2e"], await _host.RequestedJobsAsync(1));
        var unit = (await _host.RequestsAsync(1))[0];
        Assert.Equal(("presubmit", "unit", "sha1", "main", 1, "alice", "opened"), (unit.Type, unit.Context, unit.PullSha, unit.BaseRef, unit.PullNumber, unit.PullAuthor, unit.Reason));

        // The jobs really run (on the local build cluster) and each context goes triggered → started → succeeded.
        await _host.WaitForStatusesAsync("sha1", ["unit", "docs", "e2e"], "success");
        foreach (var context in new[] { "unit", "docs", "e2e" })
        {
            Assert.Equal(["pending:Job triggered.", "pending:Job started.", "success:Job succeeded."],
                _host.GitHub.StatusesFor(PluginTestHost.Repo, "sha1").Where(s => s.Context == context).OrderBy(s => s.Id).Select(s => $"{s.State}:{s.Description}"));
        }

        Assert.DoesNotContain(_host.GitHub.StatusesFor(PluginTestHost.Repo, "sha1"), s => s.Context is "lint" or "release-only");
    }

    [Fact]
    public async Task RunIfChanged_NotMatched_AndBranchFilters_AreHonoured()
    {
        Seed(2, "alice", "sha2", "src/main.go", baseRef: "dev-x");

        await _host.SendAsync("pull_request", Webhooks.PullRequest("opened", PluginTestHost.Repo, 2, "alice", "sha2", baseRef: "dev-x"), pullRequest: 2);

        Assert.Equal(["unit"], await _host.RequestedJobsAsync(2));
    }

    [Fact]
    public async Task UntrustedAuthor_GetsOnlyNeedsOkToTest_ThenOkToTestFromMemberRunsJobs()
    {
        Seed(3, "mallory", "sha3", "src/x.go");

        await _host.SendAsync("pull_request", Webhooks.PullRequest("opened", PluginTestHost.Repo, 3, "mallory", "sha3"), pullRequest: 3);

        Assert.Empty(await _host.RequestedJobsAsync(3));
        Assert.Equal(["needs-ok-to-test"], _host.GitHub.LabelsOn(PluginTestHost.Repo, 3));
        var welcome = Assert.Single(_host.GitHub.CommentsOn(PluginTestHost.Repo, 3));
        Assert.Contains("/ok-to-test", welcome.Body, StringComparison.Ordinal);
        Assert.Contains("@mallory", welcome.Body, StringComparison.Ordinal);

        await _host.SendAsync("issue_comment", Webhooks.PullRequestComment(PluginTestHost.Repo, 3, "/ok-to-test", "maintainer", "mallory"), pullRequest: 3);

        Assert.Equal(["ok-to-test"], _host.GitHub.LabelsOn(PluginTestHost.Repo, 3));
        Assert.Equal(["unit", "e2e"], await _host.RequestedJobsAsync(3));
        Assert.All(await _host.RequestsAsync(3), r => Assert.Equal(("/ok-to-test", "maintainer"), (r.Reason, r.RequestedBy)));
    }

    [Fact]
    public async Task UntrustedCommenter_OnUntrustedPullRequest_IsRefusedWithExplanation()
    {
        Seed(4, "mallory", "sha4", "src/x.go");
        _host.FakeRepo.Issues[4].Labels.Add("needs-ok-to-test");

        await _host.SendAsync("issue_comment", Webhooks.PullRequestComment(PluginTestHost.Repo, 4, "/test all", "eve", "mallory"), pullRequest: 4);
        await _host.SendAsync("issue_comment", Webhooks.PullRequestComment(PluginTestHost.Repo, 4, "/ok-to-test", "eve", "mallory"), pullRequest: 4);

        Assert.Empty(await _host.RequestedJobsAsync(4));
        Assert.Equal(["needs-ok-to-test"], _host.GitHub.LabelsOn(PluginTestHost.Repo, 4));
        Assert.All(_host.GitHub.CommentsOn(PluginTestHost.Repo, 4), c => Assert.StartsWith("@eve: Cannot trigger testing until a trusted user reviews the PR and leaves an `/ok-to-test` message.", c.Body, StringComparison.Ordinal));
        Assert.Equal(2, _host.GitHub.CommentsOn(PluginTestHost.Repo, 4).Count);
    }

    [Fact]
    public async Task TestCommand_RunsTheNamedJob_EvenOneThatNeedsAnExplicitTrigger()
    {
        Seed(5, "alice", "sha5", "src/x.go");

        await _host.SendAsync("issue_comment", Webhooks.PullRequestComment(PluginTestHost.Repo, 5, "/test lint\n/test docs", "alice"), pullRequest: 5);

        Assert.Equal(["docs", "lint"], (await _host.RequestedJobsAsync(5)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TestAll_RunsWhatWouldRunAutomatically_NotManualJobs()
    {
        Seed(6, "alice", "sha6", "src/x.go");

        await _host.SendAsync("issue_comment", Webhooks.PullRequestComment(PluginTestHost.Repo, 6, "/test all", "alice"), pullRequest: 6);

        Assert.Equal(["unit", "e2e"], await _host.RequestedJobsAsync(6));
    }

    [Fact]
    public async Task Retest_RerunsOnlyFailedJobs_RetestRequiredSkipsOptional()
    {
        Seed(7, "alice", "sha7", "src/x.go");
        _host.FakeRepo.Statuses["sha7"] =
        [
            new FakeStatus(1, "failure", "unit", "Job failed.", null, "prow-bot", DateTimeOffset.UnixEpoch),
            new FakeStatus(2, "success", "lint", "Job succeeded.", null, "prow-bot", DateTimeOffset.UnixEpoch),
            new FakeStatus(3, "error", "e2e", "Job errored.", null, "prow-bot", DateTimeOffset.UnixEpoch),
        ];

        await _host.SendAsync("issue_comment", Webhooks.PullRequestComment(PluginTestHost.Repo, 7, "/retest-required", "alice"), pullRequest: 7);
        Assert.Equal(["unit"], await _host.RequestedJobsAsync(7));

        // unit has been rerun (and now passes, or is still pending): /retest reruns only what is still failed.
        await _host.SendAsync("issue_comment", Webhooks.PullRequestComment(PluginTestHost.Repo, 7, "/retest", "alice"), pullRequest: 7);
        Assert.Equal(["unit", "e2e"], await _host.RequestedJobsAsync(7));
    }

    [Fact]
    public async Task TestQuestion_ListsTheJobs_AndUnknownJobIsExplained()
    {
        Seed(8, "alice", "sha8", "src/x.go");

        await _host.SendAsync("issue_comment", Webhooks.PullRequestComment(PluginTestHost.Repo, 8, "/test ?", "alice"), pullRequest: 8);
        await _host.SendAsync("issue_comment", Webhooks.PullRequestComment(PluginTestHost.Repo, 8, "/test nonexistent", "alice"), pullRequest: 8);

        var comments = _host.GitHub.CommentsOn(PluginTestHost.Repo, 8);
        Assert.Equal(2, comments.Count);
        Assert.Contains("```\n/test unit\n```", comments[0].Body, StringComparison.Ordinal);
        Assert.Contains("```\n/test e2e\n```", comments[0].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("release-only", comments[0].Body, StringComparison.Ordinal);
        Assert.Contains("The specified target(s) for `/test` were not found.", comments[1].Body, StringComparison.Ordinal);
        Assert.Empty(await _host.RequestedJobsAsync(8));
    }

    [Fact]
    public async Task QuotedCommand_IsNotACommand()
    {
        Seed(9, "alice", "sha9", "src/x.go");

        await _host.SendAsync("issue_comment", Webhooks.PullRequestComment(PluginTestHost.Repo, 9, "> /test lint\nI agree", "alice"), pullRequest: 9);

        Assert.Empty(await _host.RequestedJobsAsync(9));
    }

    [Fact]
    public async Task Draft_RunsNothingUntilReadyForReview_ThenSynchronizeRetests()
    {
        Seed(10, "alice", "sha10", "src/x.go");

        await _host.SendAsync("pull_request", Webhooks.PullRequest("opened", PluginTestHost.Repo, 10, "alice", "sha10", draft: true), pullRequest: 10);
        Assert.Empty(await _host.RequestedJobsAsync(10));

        await _host.SendAsync("pull_request", Webhooks.PullRequest("ready_for_review", PluginTestHost.Repo, 10, "alice", "sha10"), pullRequest: 10);
        Assert.Equal(["unit", "e2e"], await _host.RequestedJobsAsync(10));

        await _host.SendAsync("pull_request", Webhooks.PullRequest("synchronize", PluginTestHost.Repo, 10, "alice", "sha10b"), pullRequest: 10);
        var requests = await _host.RequestsAsync(10);
        Assert.Equal(["unit", "e2e", "unit", "e2e"], requests.Select(r => r.Job));
        Assert.Equal("sha10b", requests[^1].PullSha);
    }

    [Fact]
    public async Task PluginDisabledForRepo_DoesNothing()
    {
        await using var host = await PluginTestHost.StartAsync(Jobs, "cat");
        host.FakeRepo.AddPullRequest(1, "x", "alice", "s1");

        await host.SendAsync("pull_request", Webhooks.PullRequest("opened", PluginTestHost.Repo, 1, "alice", "s1"), pullRequest: 1);

        Assert.Empty(await host.RequestedJobsAsync(1));
    }

    [Fact]
    public async Task CallsToGitHub_CarryTheTokenFromTheTokenFile()
    {
        Seed(11, "mallory", "sha11", "src/x.go");

        await _host.SendAsync("pull_request", Webhooks.PullRequest("opened", PluginTestHost.Repo, 11, "mallory", "sha11"), pullRequest: 11);

        Assert.NotEmpty(_host.GitHub.Calls);
        Assert.All(_host.GitHub.Calls, c => Assert.Equal($"Bearer {PluginTestHost.Token}", c.Header("Authorization")));
    }

    private void Seed(int number, string author, string sha, string file, string? docs = null, string baseRef = "main")
    {
        var pr = _host.FakeRepo.AddPullRequest(number, "change", author, sha, baseRef);
        pr.Files.Add(new FakeChangedFile(file));
        if (docs is not null)
        {
            pr.Files.Add(new FakeChangedFile(docs));
        }
    }

    private void Seed(int number, string author, string sha, string file, string docs) => Seed(number, author, sha, file, docs, "main");
}

public sealed class TriggerTrustTests
{
    private const string Jobs = "presubmits:\n  org/repo:\n  - name: unit\n    always_run: true\n    spec: {containers: [{image: alpine}]}\n";

    [Fact]
    public async Task Collaborator_IsTrusted_UnlessOnlyOrgMembers()
    {
        await using (var host = await PluginTestHost.StartAsync(Jobs, "trigger"))
        {
            host.FakeRepo.Collaborators["carol"] = "write";
            host.FakeRepo.AddPullRequest(1, "x", "carol", "s1");
            await host.SendAsync("pull_request", Webhooks.PullRequest("opened", PluginTestHost.Repo, 1, "carol", "s1"), pullRequest: 1);
            Assert.Equal(["unit"], await host.RequestedJobsAsync(1));
        }

        await using var strict = await PluginTestHost.StartAsync(Jobs, "trigger", extraPluginsYaml: "triggers:\n- repos: [org]\n  only_org_members: true\n");
        strict.FakeRepo.Collaborators["carol"] = "write";
        strict.FakeRepo.AddPullRequest(1, "x", "carol", "s1");
        await strict.SendAsync("pull_request", Webhooks.PullRequest("opened", PluginTestHost.Repo, 1, "carol", "s1"), pullRequest: 1);
        Assert.Empty(await strict.RequestedJobsAsync(1));
        Assert.Equal(["needs-ok-to-test"], strict.GitHub.LabelsOn(PluginTestHost.Repo, 1));
    }

    [Fact]
    public async Task TrustedOrgMember_AndOkToTestLabel_AreTrusted()
    {
        await using var host = await PluginTestHost.StartAsync(Jobs, "trigger", extraPluginsYaml: "triggers:\n- repos: [org/repo]\n  trusted_org: friends\n");
        host.GitHub.State.Org("friends").Members.Add("dave");
        host.FakeRepo.AddPullRequest(1, "x", "dave", "s1");
        host.FakeRepo.AddPullRequest(2, "y", "mallory", "s2").Labels.Add("ok-to-test");

        await host.SendAsync("pull_request", Webhooks.PullRequest("opened", PluginTestHost.Repo, 1, "dave", "s1"), pullRequest: 1);
        await host.SendAsync("pull_request", Webhooks.PullRequest("synchronize", PluginTestHost.Repo, 2, "mallory", "s2b", labels: "ok-to-test"), pullRequest: 2);

        Assert.Equal(["unit"], await host.RequestedJobsAsync(1));
        Assert.Equal(["unit"], await host.RequestedJobsAsync(2));
    }

    [Fact]
    public async Task DryRun_ReadsGitHubButWritesNothing()
    {
        await using var host = await PluginTestHost.StartAsync(Jobs, "trigger", dryRun: true);
        host.FakeRepo.AddPullRequest(1, "x", "mallory", "s1");

        await host.SendAsync("pull_request", Webhooks.PullRequest("opened", PluginTestHost.Repo, 1, "mallory", "s1"), pullRequest: 1);

        Assert.NotEmpty(host.GitHub.Calls);
        Assert.Empty(host.GitHub.Writes);
        Assert.Empty(host.GitHub.LabelsOn(PluginTestHost.Repo, 1));
    }
}
