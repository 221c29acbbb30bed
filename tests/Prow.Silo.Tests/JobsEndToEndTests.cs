using System.Text.Json;

namespace Prow.Silo.Tests;

/// <summary>Issue 5's path end to end: a signed webhook, jobs run by the local build cluster, statuses on GitHub, logs in the artifacts.</summary>
[Collection(HeavyTests.Name)]
public sealed class JobsEndToEndTests
{
    [Fact]
    public async Task PullRequest_JobsCloneMergeAndRun_StatusesReported_LogsReadable_RetestRerunsOnlyTheFailed()
    {
        using var scratch = new TempFolder();
        var git = LocalGitRepository.Create(Path.Combine(scratch.Path, "origin"));
        var head = git.AddPullRequest(1, "feature.txt", "new feature\n");
        await using var host = await PluginTestHost.StartAsync($$"""
            presubmits:
              org/repo:
              - name: build
                always_run: true
                decorate: true
                clone_uri: {{git.Path}}
                spec:
                  containers:
                  - image: alpine
                    command: [sh, -c]
                    args: ["test -f README.md && test -f feature.txt && echo built $PULL_PULL_SHA for PR $PULL_NUMBER"]
              - name: flaky
                always_run: true
                spec:
                  containers:
                  - image: alpine
                    command: [sh, -c, "test -f {{Path.Combine(scratch.Path, "fixed")}} || { echo this job fails; exit 3; }"]
            """, "trigger");
        host.FakeRepo.AddPullRequest(1, "feature", "alice", head);

        await host.SendAsync("pull_request", Webhooks.PullRequest("opened", PluginTestHost.Repo, 1, "alice", head, baseSha: git.MainSha), pullRequest: 1);
        await WaitUntilAsync(() => host.GitHub.StatusesFor(PluginTestHost.Repo, head).Count(s => s.State is "success" or "failure") == 2);

        var build = Path.Combine(host.Prow.Folder, "artifacts", "pr-logs", "pull", "org_repo", "1", "build");
        var flaky = Path.Combine(host.Prow.Folder, "artifacts", "pr-logs", "pull", "org_repo", "1", "flaky");
        // Crier delivers the final status on its own, so it can reach GitHub before the job has written its artifacts.
        await WaitUntilAsync(() => File.Exists(Path.Combine(build, "latest-build.txt")) && File.Exists(Path.Combine(flaky, "latest-build.txt")));
        var buildId = (await File.ReadAllTextAsync(Path.Combine(build, "latest-build.txt"))).Trim();
        var log = await File.ReadAllTextAsync(Path.Combine(build, buildId, "build-log.txt"));
        Assert.True(host.GitHub.StatusesFor(PluginTestHost.Repo, head).Any(s => s is { Context: "build", State: "success" }), log);
        Assert.Contains($"built {head} for PR 1", log, StringComparison.Ordinal);
        var flakyBuild = (await File.ReadAllTextAsync(Path.Combine(flaky, "latest-build.txt"))).Trim();
        await WaitUntilAsync(() => File.Exists(Path.Combine(flaky, flakyBuild, "finished.json")));
        Assert.Contains("this job fails", await File.ReadAllTextAsync(Path.Combine(flaky, flakyBuild, "build-log.txt")), StringComparison.Ordinal);
        Assert.Equal("FAILURE", JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(flaky, flakyBuild, "finished.json"))).RootElement.GetProperty("result").GetString());
        var status = host.GitHub.StatusesFor(PluginTestHost.Repo, head).First(s => s.Context == "flaky");
        // The status links to deck's page of the job on this host.
        Assert.StartsWith(new Uri(host.Prow.Client.BaseAddress!, "view/").ToString(), status.TargetUrl, StringComparison.Ordinal);
        var view = await host.Prow.Client.GetStringAsync(new Uri(status.TargetUrl!).PathAndQuery);
        Assert.Contains("flaky", view, StringComparison.Ordinal);
        Assert.DoesNotContain("No such job", view, StringComparison.Ordinal);

        // The failure comment: one, naming the failed job with its rerun command.
        await WaitUntilAsync(() => host.GitHub.CommentsOn(PluginTestHost.Repo, 1).Count == 1);
        var comment = host.GitHub.CommentsOn(PluginTestHost.Repo, 1)[0].Body;
        Assert.StartsWith("@alice: The following test **failed**", comment, StringComparison.Ordinal);
        Assert.Contains($"flaky | {head} |", comment, StringComparison.Ordinal);
        Assert.Contains("`/test flaky`", comment, StringComparison.Ordinal);
        Assert.DoesNotContain("build |", comment, StringComparison.Ordinal);

        // /retest reruns only the failed job; it passes now, and the comment goes away.
        await File.WriteAllTextAsync(Path.Combine(scratch.Path, "fixed"), "");
        await host.SendAsync("issue_comment", Webhooks.PullRequestComment(PluginTestHost.Repo, 1, "/retest", "alice"), pullRequest: 1);
        await host.WaitForStatusesAsync(head, ["flaky"], "success");
        await WaitUntilAsync(() => host.GitHub.CommentsOn(PluginTestHost.Repo, 1).Count == 0);

        Assert.Equal(1, host.GitHub.StatusesFor(PluginTestHost.Repo, head).Count(s => s.Context == "build" && s.Description == "Job triggered."));
        Assert.Equal(2, host.GitHub.StatusesFor(PluginTestHost.Repo, head).Count(s => s.Context == "flaky" && s.Description == "Job triggered."));
        Assert.Single(host.GitHub.Calls, c => c.Method == "DELETE" && c.Path.Contains("/issues/comments/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NewPush_AbortsTheRunningJobForTheOldCommit()
    {
        await using var host = await PluginTestHost.StartAsync("""
            presubmits:
              org/repo:
              - name: slow
                always_run: true
                spec: {containers: [{image: alpine, command: [sh, -c, "sleep 60"]}]}
            """, "trigger");
        host.FakeRepo.AddPullRequest(2, "x", "alice", "old");

        await host.SendAsync("pull_request", Webhooks.PullRequest("opened", PluginTestHost.Repo, 2, "alice", "old"), pullRequest: 2);
        await WaitUntilAsync(() => host.GitHub.StatusesFor(PluginTestHost.Repo, "old").Any(s => s.Description == "Job started."));
        await host.SendAsync("pull_request", Webhooks.PullRequest("synchronize", PluginTestHost.Repo, 2, "alice", "new"), pullRequest: 2);

        await host.WaitForStatusesAsync("old", ["slow"], "failure");
        Assert.Equal("Aborted by trigger plugin.", host.GitHub.StatusesFor(PluginTestHost.Repo, "old").First(s => s.State == "failure").Description);
        await WaitUntilAsync(() => host.GitHub.StatusesFor(PluginTestHost.Repo, "new").Any(s => s.Description == "Job started."));
    }

    [Fact]
    public async Task TestCommand_ForAJobAlreadyRunningOnTheSameCommit_StartsNoDuplicate()
    {
        await using var host = await PluginTestHost.StartAsync("""
            presubmits:
              org/repo:
              - name: slow
                always_run: true
                spec: {containers: [{image: alpine, command: [sh, -c, "sleep 60"]}]}
            """, "trigger");
        host.FakeRepo.AddPullRequest(3, "x", "alice", "s3");

        await host.SendAsync("pull_request", Webhooks.PullRequest("opened", PluginTestHost.Repo, 3, "alice", "s3"), pullRequest: 3);
        await host.SendAsync("issue_comment", Webhooks.PullRequestComment(PluginTestHost.Repo, 3, "/test slow", "alice"), pullRequest: 3);

        Assert.Single(host.GitHub.StatusesFor(PluginTestHost.Repo, "s3"), s => s.Description == "Job triggered.");
    }

    [Fact]
    public async Task MaxConcurrency_IsHeldUnder50ConcurrentTriggers()
    {
        using var scratch = new TempFolder();
        var ledger = Path.Combine(scratch.Path, "ledger");
        await using var host = await PluginTestHost.StartAsync($$"""
            presubmits:
              org/repo:
              - name: limited
                always_run: true
                max_concurrency: 2
                spec:
                  containers:
                  - image: alpine
                    command: [sh, -c, "echo start $(date +%s%N) >> {{ledger}}; sleep 0.2; echo end $(date +%s%N) >> {{ledger}}"]
            """, "trigger");
        for (var n = 1; n <= 50; n++)
        {
            host.FakeRepo.AddPullRequest(n, "x", "alice", $"sha{n}");
        }

        await Task.WhenAll(Enumerable.Range(1, 50).Select(n => host.SendAsync("pull_request", Webhooks.PullRequest("opened", PluginTestHost.Repo, n, "alice", $"sha{n}"), pullRequest: n)));
        await WaitUntilAsync(() => Enumerable.Range(1, 50).All(n => host.GitHub.StatusesFor(PluginTestHost.Repo, $"sha{n}").Any(s => s.State == "success")), seconds: 120);

        var events = (await File.ReadAllLinesAsync(ledger)).Select(l => l.Split(' ')).Select(p => (Kind: p[0], At: long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))).OrderBy(e => e.At).ToList();
        Assert.Equal(100, events.Count);
        int running = 0, peak = 0;
        foreach (var (kind, _) in events)
        {
            running += kind == "start" ? 1 : -1;
            peak = Math.Max(peak, running);
        }

        Assert.Equal(2, peak);
    }

    [Fact]
    public async Task PushToABranch_RunsTheMatchingPostsubmits_ReportedOnThePushedCommit()
    {
        await using var host = await PluginTestHost.StartAsync("""
            postsubmits:
              org/repo:
              - name: deploy
                branches: [main]
                spec: {containers: [{image: alpine, command: [sh, -c, "echo deploying $PULL_BASE_SHA from $PULL_BASE_REF"]}]}
              - name: docs-site
                run_if_changed: '^docs/'
                spec: {containers: [{image: alpine, command: ["true"]}]}
              - name: release
                branches: ['^release-.*']
                spec: {containers: [{image: alpine, command: ["true"]}]}
            """, "trigger");

        await host.SendAsync("push", Webhooks.Push(PluginTestHost.Repo, "main", "push1sha", "src/app.go"));
        await host.WaitForStatusesAsync("push1sha", ["deploy"], "success");

        Assert.Equal(["deploy"], host.GitHub.StatusesFor(PluginTestHost.Repo, "push1sha").Select(s => s.Context).Distinct());
        var folder = Path.Combine(host.Prow.Folder, "artifacts", "logs", "deploy");
        var buildId = (await File.ReadAllTextAsync(Path.Combine(folder, "latest-build.txt"))).Trim();
        Assert.Contains("deploying push1sha from main", await File.ReadAllTextAsync(Path.Combine(folder, buildId, "build-log.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PushOfATag_RunsThePostsubmitsWhoseBranchesMatchTheTag_WithTheTagAsBaseRef()
    {
        // The release job's pattern is kubevirt's semantic-version one (testdata/conformance/kubevirt_project-infra/jobs/kubevirt/kubevirt/kubevirt-postsubmits.yaml).
        await using var host = await PluginTestHost.StartAsync("""
            postsubmits:
              org/repo:
              - name: release
                branches: ['^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$']
                spec: {containers: [{image: alpine, command: [sh, -c, "echo releasing $PULL_BASE_REF at $PULL_BASE_SHA"]}]}
              - name: deploy
                branches: [main]
                spec: {containers: [{image: alpine, command: ["true"]}]}
              - name: not-on-tags
                skip_branches: ['^v\d']
                spec: {containers: [{image: alpine, command: ["true"]}]}
            """, "trigger");

        await host.SendAsync("push", Webhooks.PushRef(PluginTestHost.Repo, "refs/tags/v1.2.3", "tagsha"));
        await host.WaitForStatusesAsync("tagsha", ["release"], "success");

        using (var jobs = System.Text.Json.JsonDocument.Parse(await host.Prow.Client.GetStringAsync("/prowjobs.js")))
        {
            var started = jobs.RootElement.GetProperty("items").EnumerateArray()
                .Select(item => (item.GetProperty("spec").GetProperty("job").GetString(), item.GetProperty("spec").GetProperty("refs").GetProperty("base_ref").GetString()));
            Assert.Equal([("release", "v1.2.3")], started);
        }

        var folder = Path.Combine(host.Prow.Folder, "artifacts", "logs", "release");
        var buildId = (await File.ReadAllTextAsync(Path.Combine(folder, "latest-build.txt"))).Trim();
        Assert.Contains("releasing v1.2.3 at tagsha", await File.ReadAllTextAsync(Path.Combine(folder, buildId, "build-log.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rerun_AsAGrainCall_RunsTheSameSpecAgainAsANewJob()
    {
        await using var host = await StartWithPostsubmitAsync("deploy");
        await host.SendAsync("push", Webhooks.Push(PluginTestHost.Repo, "main", "rerunsha"));
        await host.WaitForStatusesAsync("rerunsha", ["deploy"], "success");
        var firstUrl = host.GitHub.StatusesFor(PluginTestHost.Repo, "rerunsha")[0].TargetUrl!;
        var firstId = StatusLinks.JobId(firstUrl);

        var rerun = await host.Prow.Grains.GetGrain<Prow.GrainInterfaces.ProwJobs.IProwJobGrain>(firstId).RerunAsync("maintainer");
        await WaitUntilAsync(() => host.GitHub.StatusesFor(PluginTestHost.Repo, "rerunsha").Count(s => s.State == "success") == 2);

        // The job the status links to is served in Prow's shape too.
        using var job = System.Text.Json.JsonDocument.Parse(await host.Prow.Client.GetStringAsync($"/prowjob?prowjob={Uri.EscapeDataString(firstId)}"));
        Assert.Equal(("ProwJob", "deploy", "success"), (job.RootElement.GetProperty("kind").GetString(), job.RootElement.GetProperty("spec").GetProperty("job").GetString(), job.RootElement.GetProperty("status").GetProperty("state").GetString()));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await host.Prow.Client.GetAsync("/prowjob?prowjob=nope")).StatusCode);

        Assert.NotEqual(firstId, rerun.Id);
        Assert.Equal(("deploy", firstId, "maintainer"), (rerun.Spec.Job, rerun.Metadata.Annotations["prow.k8s.io/rerun-of"], rerun.Metadata.Annotations["prow.k8s.io/rerun-by"]));
    }

    [Fact]
    public async Task DecorationTimeout_EndsTheRunAsAborted()
    {
        await using var host = await PluginTestHost.StartAsync("""
            postsubmits:
              org/repo:
              - name: hangs
                decorate: true
                decoration_config: {timeout: 1s, grace_period: 1s, skip_cloning: true}
                spec: {containers: [{image: alpine, command: [sh, -c, "echo started; sleep 60"]}]}
            """, "trigger");

        await host.SendAsync("push", Webhooks.Push(PluginTestHost.Repo, "main", "hangsha"));
        await host.WaitForStatusesAsync("hangsha", ["hangs"], "failure");

        var final = host.GitHub.StatusesFor(PluginTestHost.Repo, "hangsha").First(s => s.State == "failure");
        Assert.StartsWith("Job timed out after", final.Description, StringComparison.Ordinal);
        using var job = System.Text.Json.JsonDocument.Parse(await host.Prow.Client.GetStringAsync($"/prowjob?prowjob={Uri.EscapeDataString(StatusLinks.JobId(final.TargetUrl!))}"));
        Assert.Equal("aborted", job.RootElement.GetProperty("status").GetProperty("state").GetString());
    }

    [Fact]
    public async Task SkipReport_RunsTheJobButSendsNoStatus()
    {
        await using var host = await PluginTestHost.StartAsync("""
            postsubmits:
              org/repo:
              - name: quiet
                skip_report: true
                spec: {containers: [{image: alpine, command: [sh, -c, "echo ran > $ARTIFACTS/ran.txt"]}]}
              - name: loud
                spec: {containers: [{image: alpine, command: ["true"]}]}
            """, "trigger");

        await host.SendAsync("push", Webhooks.Push(PluginTestHost.Repo, "main", "quietsha"));
        await host.WaitForStatusesAsync("quietsha", ["loud"], "success");
        var quiet = Path.Combine(host.Prow.Folder, "artifacts", "logs", "quiet");
        await WaitUntilAsync(() => File.Exists(Path.Combine(quiet, "latest-build.txt")));

        Assert.DoesNotContain(host.GitHub.StatusesFor(PluginTestHost.Repo, "quietsha"), s => s.Context == "quiet");
        var build = (await File.ReadAllTextAsync(Path.Combine(quiet, "latest-build.txt"))).Trim();
        Assert.Equal("ran\n", await File.ReadAllTextAsync(Path.Combine(quiet, build, "artifacts", "ran.txt")));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, int seconds = 60)
    {
        for (var i = 0; i < seconds * 20 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "the condition was not reached in time");
    }

    [Fact]
    public async Task JobUrlPrefixConfig_NamesWhereTheStatusLinkPoints_PerRepositoryBeforeTheDefault()
    {
        await using var host = await StartWithPostsubmitAsync("linked", configYaml: """
            plank:
              job_url_prefix_config:
                '*': https://prow.example/view/
                org/repo: https://deck.example/view
            """);

        await host.SendAsync("push", Webhooks.Push(PluginTestHost.Repo, "main", "linksha"));
        await host.WaitForStatusesAsync("linksha", ["linked"], "success");

        var url = host.GitHub.StatusesFor(PluginTestHost.Repo, "linksha")[0].TargetUrl!;
        Assert.StartsWith("https://deck.example/view/", url, StringComparison.Ordinal);
        var job = await host.Prow.Grains.GetGrain<Prow.GrainInterfaces.ProwJobs.IProwJobGrain>(StatusLinks.JobId(url)).GetAsync();
        Assert.Equal("linked", job?.Spec.Job);
    }

    /// <summary>A host whose one postsubmit, <paramref name="job"/>, passes on every push.</summary>
    private static Task<PluginTestHost> StartWithPostsubmitAsync(string job, string? configYaml = null) =>
        PluginTestHost.StartAsync($$"""
            postsubmits:
              org/repo:
              - name: {{job}}
                spec: {containers: [{image: alpine, command: ["true"]}]}
            """, "trigger", configYaml: configYaml);
}
