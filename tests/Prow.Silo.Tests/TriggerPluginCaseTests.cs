using System.Text.Json.Nodes;
using Prow.FakeGitHub;
using Prow.Grains.Plugins.Trigger;

namespace Prow.Silo.Tests;

/// <summary>
/// The trigger plugin's cases in the manner of Prow's trigger tests, through the dispatcher against the fake GitHub:
/// help and not-found answers, ok-to-test by label and by comment, base changes, drafts, and GitHub Actions reruns.
/// </summary>
public sealed class TriggerPluginCaseTests
{
    private const string Repo = PluginHarness.Repo;

    private const string Jobs = """
        presubmits:
          org/repo:
          - name: unit
            always_run: true
            spec: {containers: [{image: alpine, command: ["true"]}]}
          - name: lint
            spec: {containers: [{image: alpine, command: ["true"]}]}
          - name: e2e
            always_run: true
            optional: true
            spec: {containers: [{image: alpine, command: ["true"]}]}
          - name: release-only
            always_run: true
            branches: [release-1.0]
            spec: {containers: [{image: alpine, command: ["true"]}]}
        """;

    private const string NotFound = "The specified target(s) for `/test` were not found.\n";

    public static TheoryData<string, string, string?, string[]> HelpCases => new()
    {
        // name, comment, the note the answer starts with (null: no answer), jobs requested
        { "an unknown job: not found, with the jobs that can be asked for", "/test no-such-job", NotFound, [] },
        { "/test alone needs a target", "/test", "The `/test` command needs one or more targets.\n", [] },
        { "/retest takes no target", "/retest unit", "The `/retest` command does not accept any targets.\n", [] },
        { "/test ? lists the jobs without a note", "/test ?", "", [] },
        { "a known job runs and nothing is said", "/test lint", null, ["lint"] },
        { "an unknown job beside a known one: the known one runs", "/test lint\n/test no-such-job", null, ["lint"] },
    };

    [Theory]
    [MemberData(nameof(HelpCases))]
    public async Task TestCommand_HelpAndNotFound(string name, string body, string? note, string[] jobs)
    {
        Assert.NotEmpty(name);
        await using var harness = await StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "alice", "sha1").Files.Add(new FakeChangedFile("main.go"));

        await harness.RunAsync(new TriggerPlugin(), "issue_comment", Webhooks.PullRequestComment(Repo, 1, body, "alice"), jobsYaml: Jobs);

        Assert.Equal(jobs, harness.JobRequests.Select(r => r.Job));
        var comments = harness.GitHub.CommentsOn(Repo, 1);
        if (note is null)
        {
            Assert.Empty(comments);
            return;
        }

        var answer = Assert.Single(comments).Body;
        Assert.StartsWith("@alice: " + note + "The following commands are available to trigger required jobs:\n```\n/test lint\n```\n```\n/test unit\n```\n\nThe following commands are available to trigger optional jobs:\n```\n/test e2e\n```\n\nUse `/test all` to run the following jobs that were automatically triggered:\n```\ne2e\n```\n```\nunit\n```", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("release-only", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestAll_WithNothingToRun_SaysSo()
    {
        await using var harness = await StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "alice", "sha1");
        const string ManualOnly = "presubmits:\n  org/repo:\n  - name: lint\n    spec: {containers: [{image: alpine, command: [\"true\"]}]}\n";

        await harness.RunAsync(new TriggerPlugin(), "issue_comment", Webhooks.PullRequestComment(Repo, 1, "/test all", "alice"), jobsYaml: ManualOnly);

        Assert.Empty(harness.JobRequests);
        Assert.StartsWith("@alice: No jobs can be run with `/test all`.\nThe following commands are available to trigger required jobs:\n```\n/test lint\n```", Assert.Single(harness.GitHub.CommentsOn(Repo, 1)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpAnswer_IsPruned_OnceATestRuns()
    {
        await using var harness = await StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "alice", "sha1");

        await harness.RunAsync(new TriggerPlugin(), "issue_comment", Webhooks.PullRequestComment(Repo, 1, "/test no-such-job", "alice"), jobsYaml: Jobs);
        Assert.Single(harness.GitHub.CommentsOn(Repo, 1));
        await harness.RunAsync(new TriggerPlugin(), "issue_comment", Webhooks.PullRequestComment(Repo, 1, "/test lint", "alice"), jobsYaml: Jobs);

        Assert.Empty(harness.GitHub.CommentsOn(Repo, 1));
        Assert.Equal(["lint"], harness.JobRequests.Select(r => r.Job));
    }

    public static TheoryData<string, string, string, string[], string?, string[], string[]> OkToTestCases => new()
    {
        // name, commenter, comment, labels before, trigger yaml, labels after, jobs requested; the reply is checked by the next test
        { "a member's /ok-to-test swaps the labels and runs the jobs", "maintainer", "/ok-to-test", ["needs-ok-to-test"], null, ["ok-to-test"], ["unit", "e2e"] },
        { "a stranger's /ok-to-test on an untrusted pull request changes nothing", "eve", "/ok-to-test", ["needs-ok-to-test"], null, ["needs-ok-to-test"], [] },
        { "a member's /ok-to-test cancel takes the trust back", "maintainer", "/ok-to-test cancel", ["ok-to-test"], null, ["needs-ok-to-test"], [] },
        { "with ignore_ok_to_test, /ok-to-test labels nothing", "maintainer", "/ok-to-test", ["needs-ok-to-test"], "triggers:\n- repos: [org]\n  ignore_ok_to_test: true\n", ["needs-ok-to-test"], [] },
    };

    [Theory]
    [MemberData(nameof(OkToTestCases))]
    public async Task OkToTestComment(string name, string commenter, string body, string[] before, string? triggerYaml, string[] after, string[] jobs)
    {
        Assert.NotEmpty(name);
        await using var harness = await StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "mallory", "sha1").Labels.AddRange(before);

        await harness.RunAsync(new TriggerPlugin(), "issue_comment", Webhooks.PullRequestComment(Repo, 1, body, commenter, "mallory"), triggerYaml ?? "", jobsYaml: Jobs);

        Assert.Equal(after.Order(StringComparer.Ordinal), harness.GitHub.LabelsOn(Repo, 1).Order(StringComparer.Ordinal));
        Assert.Equal(jobs, harness.JobRequests.Select(r => r.Job));
    }

    public static TheoryData<string, string, string, string?, string> RefusalCases => new()
    {
        // name, commenter, comment, trigger yaml, reply
        { "an untrusted user's /ok-to-test is refused", "eve", "/ok-to-test", null, "Cannot trigger testing until a trusted user reviews the PR and leaves an `/ok-to-test` message." },
        { "an untrusted user's /test is refused the same way", "eve", "/test all", null, "Cannot trigger testing until a trusted user reviews the PR and leaves an `/ok-to-test` message." },
        { "with ignore_ok_to_test the refusal says /ok-to-test cannot help", "eve", "/ok-to-test", "triggers:\n- repos: [org/repo]\n  ignore_ok_to_test: true\n", "PRs from untrusted users cannot be marked as trusted with `/ok-to-test` in this repo meaning untrusted PR authors can never trigger tests themselves. Collaborators can still trigger tests on the PR using `/test`." },
    };

    [Theory]
    [MemberData(nameof(RefusalCases))]
    public async Task UntrustedCommenter_IsRefusedWithProwsMessage(string name, string commenter, string body, string? triggerYaml, string reply)
    {
        Assert.NotEmpty(name);
        await using var harness = await StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "mallory", "sha1").Labels.Add("needs-ok-to-test");

        await harness.RunAsync(new TriggerPlugin(), "issue_comment", Webhooks.PullRequestComment(Repo, 1, body, commenter, "mallory"), triggerYaml ?? "", jobsYaml: Jobs);

        Assert.StartsWith($"@{commenter}: {reply}", Assert.Single(harness.GitHub.CommentsOn(Repo, 1)).Body, StringComparison.Ordinal);
        Assert.Equal(["needs-ok-to-test"], harness.GitHub.LabelsOn(Repo, 1));
        Assert.Empty(harness.JobRequests);
    }

    [Fact]
    public async Task OkToTestCancel_FromAnUntrustedUser_OnATrustedPullRequest_IsRefused()
    {
        await using var harness = await StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "mallory", "sha1").Labels.Add("ok-to-test");

        await harness.RunAsync(new TriggerPlugin(), "issue_comment", Webhooks.PullRequestComment(Repo, 1, "/ok-to-test cancel", "eve", "mallory"), jobsYaml: Jobs);

        Assert.StartsWith("@eve: Only trusted users can revoke `/ok-to-test`.", Assert.Single(harness.GitHub.CommentsOn(Repo, 1)).Body, StringComparison.Ordinal);
        Assert.Equal(["ok-to-test"], harness.GitHub.LabelsOn(Repo, 1));
    }

    public static TheoryData<string, string, string, string[]> LabelCases => new()
    {
        // name, label, who put it on, jobs requested
        { "ok-to-test put on by hand starts the jobs", "ok-to-test", "maintainer", ["unit", "e2e"] },
        { "ok-to-test put on by the bot starts nothing (its /ok-to-test comment did)", "ok-to-test", "prow-bot", [] },
        { "lgtm on an untrusted pull request tests it once", "lgtm", "maintainer", ["unit", "e2e"] },
        { "another label starts nothing", "kind/bug", "maintainer", [] },
    };

    [Theory]
    [MemberData(nameof(LabelCases))]
    public async Task Labeled(string name, string label, string sender, string[] jobs)
    {
        Assert.NotEmpty(name);
        await using var harness = await StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "mallory", "sha1").Labels.Add(label);
        var json = WebhookEdits.Edit(Webhooks.PullRequest("labeled", Repo, 1, "mallory", "sha1", labels: [label]), e =>
        {
            e["label"] = new JsonObject { ["name"] = label };
            e["sender"] = new JsonObject { ["login"] = sender };
        });

        await harness.RunAsync(new TriggerPlugin(), "pull_request", json, jobsYaml: Jobs);

        Assert.Equal(jobs, harness.JobRequests.Select(r => r.Job));
        Assert.All(harness.JobRequests, r => Assert.Equal("sha1", r.PullSha));
    }

    public static TheoryData<string, string, string?, string[], string[]> EditedCases => new()
    {
        // name, author, previous base (null: the title changed), labels, jobs requested
        { "base changed on a trusted pull request: jobs run against the new base", "alice", "main", [], ["unit", "e2e", "release-only"] },
        { "base changed on an untrusted pull request: nothing", "mallory", "main", [], [] },
        { "base changed on an untrusted pull request with ok-to-test: jobs run", "mallory", "main", ["ok-to-test"], ["unit", "e2e", "release-only"] },
        { "only the title changed: nothing", "alice", null, [], [] },
    };

    [Theory]
    [MemberData(nameof(EditedCases))]
    public async Task Edited(string name, string author, string? previousBase, string[] labels, string[] jobs)
    {
        Assert.NotEmpty(name);
        await using var harness = await StartAsync();
        harness.FakeRepo.WithBranch("release-1.0", "rel00000");
        harness.FakeRepo.AddPullRequest(1, "change", author, "sha1", "release-1.0").Labels.AddRange(labels);
        var json = WebhookEdits.Edit(Webhooks.PullRequest("edited", Repo, 1, author, "sha1", baseRef: "release-1.0", baseSha: "rel00000"), e =>
            e["changes"] = previousBase is null
                ? new JsonObject { ["title"] = new JsonObject { ["from"] = "old title" } }
                : new JsonObject { ["base"] = new JsonObject { ["ref"] = new JsonObject { ["from"] = previousBase }, ["sha"] = new JsonObject { ["from"] = "base0000" } } });

        await harness.RunAsync(new TriggerPlugin(), "pull_request", json, jobsYaml: Jobs);

        Assert.Equal(jobs, harness.JobRequests.Select(r => r.Job));
        Assert.All(harness.JobRequests, r => Assert.Equal(("release-1.0", "rel00000"), (r.BaseRef, r.BaseSha)));
    }

    [Fact]
    public async Task Draft_SaysOnceThatCiIsSkipped_AndRunsOnlyWhenReady()
    {
        await using var harness = await StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "alice", "sha1").Draft = true;

        await harness.RunAsync(new TriggerPlugin(), "pull_request", Webhooks.PullRequest("opened", Repo, 1, "alice", "sha1", draft: true), jobsYaml: Jobs);
        await harness.RunAsync(new TriggerPlugin(), "pull_request", Webhooks.PullRequest("synchronize", Repo, 1, "alice", "sha2", draft: true), jobsYaml: Jobs);
        await harness.RunAsync(new TriggerPlugin(), "pull_request", Webhooks.PullRequest("reopened", Repo, 1, "alice", "sha2", draft: true), jobsYaml: Jobs);

        Assert.Empty(harness.JobRequests);
        Assert.StartsWith("Skipping CI for Draft Pull Request.", Assert.Single(harness.GitHub.CommentsOn(Repo, 1)).Body, StringComparison.Ordinal);

        await harness.RunAsync(new TriggerPlugin(), "pull_request", Webhooks.PullRequest("ready_for_review", Repo, 1, "alice", "sha2"), jobsYaml: Jobs);

        Assert.Equal(["unit", "e2e"], harness.JobRequests.Select(r => r.Job));
        Assert.Single(harness.GitHub.CommentsOn(Repo, 1));
    }

    [Fact]
    public async Task Draft_StillRunsWhatATrustedUserAsksFor()
    {
        await using var harness = await StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "alice", "sha1").Draft = true;

        await harness.RunAsync(new TriggerPlugin(), "issue_comment", Webhooks.PullRequestComment(Repo, 1, "/test all", "alice"), jobsYaml: Jobs);

        Assert.Equal(["unit", "e2e"], harness.JobRequests.Select(r => r.Job));
    }

    [Theory]
    [InlineData("/retest", true)]
    [InlineData("/test all", true)]
    [InlineData("/test lint", false)]
    public async Task TriggerGitHubWorkflows_RerunsTheFailedRunsOfTheHead(string body, bool reruns)
    {
        await using var harness = await StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "alice", "sha1");
        harness.GitHub.Change(Repo, r => r.WorkflowRuns.AddRange(
        [
            new FakeWorkflowRun { Id = 11, Name = "build", HeadSha = "sha1", HeadBranch = "pr-1", Conclusion = "failure" },
            new FakeWorkflowRun { Id = 12, Name = "lint", HeadSha = "sha1", HeadBranch = "pr-1", Conclusion = "cancelled", Event = "pull_request_target" },
            new FakeWorkflowRun { Id = 13, Name = "docs", HeadSha = "sha1", HeadBranch = "pr-1", Conclusion = "success" },
            new FakeWorkflowRun { Id = 14, Name = "skipped", HeadSha = "sha1", HeadBranch = "pr-1", Conclusion = "skipped" },
            new FakeWorkflowRun { Id = 15, Name = "running", HeadSha = "sha1", HeadBranch = "pr-1", Status = "in_progress", Conclusion = null },
            new FakeWorkflowRun { Id = 16, Name = "old head", HeadSha = "sha0", HeadBranch = "pr-1", Conclusion = "failure" },
            new FakeWorkflowRun { Id = 17, Name = "a push", HeadSha = "sha1", HeadBranch = "pr-1", Conclusion = "failure", Event = "push" },
        ]));

        await harness.RunAsync(new TriggerPlugin(), "issue_comment", Webhooks.PullRequestComment(Repo, 1, body, "alice"), "triggers:\n- repos: [org]\n  trigger_github_workflows: true\n", jobsYaml: Jobs);

        var rerun = harness.GitHub.Calls.Where(c => c.Method == "POST" && c.Path.EndsWith("/rerun-failed-jobs", StringComparison.Ordinal)).Select(c => c.Path).ToList();
        Assert.Equal(reruns ? ["/repos/org/repo/actions/runs/11/rerun-failed-jobs", "/repos/org/repo/actions/runs/12/rerun-failed-jobs"] : [], rerun);
        Assert.Equal(reruns ? 2 : 3, harness.GitHub.State.Repo(Repo).WorkflowRuns.Count(r => r.RunAttempt == 1 && r.Status == "completed" && r.Conclusion == "failure"));
    }

    [Fact]
    public async Task TriggerGitHubWorkflowsOff_AsksNothingOfActions()
    {
        await using var harness = await StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "alice", "sha1");
        harness.GitHub.Change(Repo, r => r.WorkflowRuns.Add(new FakeWorkflowRun { Id = 11, Name = "build", HeadSha = "sha1", HeadBranch = "pr-1" }));

        await harness.RunAsync(new TriggerPlugin(), "issue_comment", Webhooks.PullRequestComment(Repo, 1, "/retest", "alice"), jobsYaml: Jobs);

        Assert.DoesNotContain(harness.GitHub.Calls, c => c.Path.Contains("/actions/", StringComparison.Ordinal));
    }

    private static async Task<PluginHarness> StartAsync()
    {
        var harness = await PluginHarness.StartAsync();
        harness.GitHub.State.Org("org").Members.Add("prow-bot");
        return harness;
    }
}
