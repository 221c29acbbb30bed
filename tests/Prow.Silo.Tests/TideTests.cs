using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Prow.FakeGitHub;
using Prow.GrainInterfaces;
using Prow.GrainInterfaces.Tide;
using Prow.TestKit;

namespace Prow.Silo.Tests;

/// <summary>Tide end to end: the real host, the fake GitHub, and jobs run by the local build cluster.</summary>
[Collection(HeavyTests.Name)]
public sealed class TideTests
{
    private const string Repo = PluginTestHost.Repo;

    private const string Queries = """
        tide:
          queries:
          - repos: [org/repo]
            labels: [lgtm, approved]
            missingLabels: [do-not-merge/hold]
        """;

    [Fact]
    public async Task PullRequest_StatusExplainsWhatIsMissing_ThenMergesWhenTheLastRequiredStatusTurnsGreen()
    {
        await using var host = await PluginTestHost.StartAsync("presubmits: {}", "help", configYaml: Queries + """

              merge_method:
                org/repo: squash
              merge_commit_template:
                org/repo:
                  title: "{{ .Title }} (#{{ .Number }})"
              context_options:
                required-contexts: [ci/external]
            """);
        // The startup sync searched before the pull request existed, so only the events below tell tide about it.
        await PluginTestHost.WaitUntilAsync(() => host.GitHub.CallsTo("GET", "/search/issues").Count > 0, () => "tide never synced");
        host.GitHub.Change(Repo, r => r.AddPullRequest(1, "a pull request", "alice", "head1").Labels.Add("lgtm"));

        await host.SendAsync("pull_request", Webhooks.PullRequest("opened", Repo, 1, "alice", "head1", labels: ["lgtm"]), pullRequest: 1);
        await WaitForTideStatusAsync(host, "head1", "pending", "Not mergeable. Needs approved label.");

        host.GitHub.Change(Repo, r => r.Issues[1].Labels.Add("approved"));
        await host.SendAsync("pull_request", Webhooks.PullRequest("labeled", Repo, 1, "alice", "head1", labels: ["lgtm", "approved"]), pullRequest: 1);
        await WaitForTideStatusAsync(host, "head1", "pending", "Not mergeable. Job ci/external has not succeeded.");
        Assert.Empty(host.GitHub.MergesIn(Repo));

        SetStatus(host, "head1", "ci/external", "success");
        await host.SendAsync("status", Webhooks.Status(Repo, "head1", "ci/external", "success"));
        await PluginTestHost.WaitUntilAsync(() => host.GitHub.MergesIn(Repo).Count == 1, () => "no merge; calls: " + Calls(host));

        var merge = host.GitHub.MergesIn(Repo)[0];
        Assert.Equal(new FakeMerge(1, "squash", "a pull request (#1)", null, "head1", merge.MergeSha), merge);
        Assert.Contains(host.GitHub.StatusesFor(Repo, "head1"), s => s is { Context: "tide", State: "success", Description: "In merge pool." });
        // Sent only when it changed: each description once.
        Assert.Equal(3, host.GitHub.StatusesFor(Repo, "head1").Count(s => s.Context == "tide"));

        var history = await GetJsonAsync(host, "/tide-history.js");
        var record = history.GetProperty("History").GetProperty("org/repo:main")[0];
        Assert.Equal("MERGE", record.GetProperty("action").GetString());
        Assert.Equal(1, record.GetProperty("target")[0].GetProperty("number").GetInt32());
        var tide = await GetJsonAsync(host, "/tide.js");
        Assert.Equal("is:pr state:open archived:false label:\"lgtm\" label:\"approved\" -label:\"do-not-merge/hold\" repo:\"org/repo\"", tide.GetProperty("Queries")[0].GetString());
        var pool = tide.GetProperty("Pools")[0];
        Assert.Equal(("org", "repo", "main", merge.MergeSha), (pool.GetProperty("Org").GetString(), pool.GetProperty("Repo").GetString(), pool.GetProperty("Branch").GetString(), pool.GetProperty("BaseSHA").GetString()));
    }

    [Fact]
    public async Task ApprovingReview_AndGreenCheckRun_AreEventsTideActsOn()
    {
        await using var host = await PluginTestHost.StartAsync("presubmits: {}", "help", configYaml: """
            tide:
              queries:
              - repos: [org/repo]
                labels: [lgtm]
                reviewApprovedRequired: true
              context_options:
                required-contexts: [ci/check]
            """);
        await PluginTestHost.WaitUntilAsync(() => host.GitHub.CallsTo("GET", "/search/issues").Count > 0, () => "tide never synced");
        host.GitHub.Change(Repo, r =>
        {
            r.AddPullRequest(3, "reviewed", "alice", "head3").Labels.Add("lgtm");
            r.CheckRuns["head3"] = [new FakeCheckRun(1, "ci/check", "in_progress", null)];
        });

        await host.SendAsync("pull_request", Webhooks.PullRequest("opened", Repo, 3, "alice", "head3", labels: ["lgtm"]), pullRequest: 3);
        await WaitForTideStatusAsync(host, "head3", "pending", "Not mergeable. PullRequest is missing sufficient approving GitHub review(s)");

        host.GitHub.Change(Repo, r => r.Issues[3].Reviews.Add(new FakeReview(1, "maintainer", "APPROVED", "", "head3")));
        await host.SendAsync("pull_request_review", Webhooks.Review(Repo, 3, "head3", "maintainer", "approved"), pullRequest: 3);
        await WaitForTideStatusAsync(host, "head3", "pending", "Not mergeable. Job ci/check has not succeeded.");

        host.GitHub.Change(Repo, r => r.CheckRuns["head3"] = [new FakeCheckRun(1, "ci/check", "completed", "success")]);
        await host.SendAsync("check_run", Webhooks.CheckRun(Repo, "head3", "ci/check", "completed", "success"));
        await PluginTestHost.WaitUntilAsync(() => host.GitHub.MergesIn(Repo).Count == 1, () => "no merge; calls: " + Calls(host));
        Assert.Equal(3, host.GitHub.MergesIn(Repo)[0].Number);
    }

    [Fact]
    public async Task BlockerIssue_HoldsTheBranch_UntilItCloses()
    {
        await using var host = await PluginTestHost.StartAsync("presubmits: {}", "help", configYaml: Queries + "\n  blocker_label: merge-blocker\n", seed: r =>
        {
            r.AddIssue(9, "Release freeze branch:main", "maintainer").Labels.Add("merge-blocker");
            r.AddIssue(10, "Freeze of branch:release-1.0 only", "maintainer").Labels.Add("merge-blocker");
            r.AddPullRequest(5, "waits", "alice", "head5").Labels.AddRange(["lgtm", "approved"]);
        });

        await WaitForTideStatusAsync(host, "head5", "error", "Not mergeable. Merging is blocked by issue(s) 9.");
        var pool = (await GetJsonAsync(host, "/tide.js")).GetProperty("Pools")[0];
        Assert.Equal("BLOCKED", pool.GetProperty("Action").GetString());
        Assert.Equal(9, pool.GetProperty("Blockers")[0].GetProperty("Number").GetInt32());
        Assert.Equal(1, pool.GetProperty("Blockers").GetArrayLength());
        Assert.Empty(host.GitHub.MergesIn(Repo));

        host.GitHub.Change(Repo, r => r.Issues[9].State = "closed");
        await host.SendAsync("issues", Webhooks.IssueEvent("closed", Repo, 9, "Release freeze branch:main", null, "merge-blocker"));
        await PluginTestHost.WaitUntilAsync(() => host.GitHub.MergesIn(Repo).Count == 1, () => "no merge; calls: " + Calls(host));
        Assert.Equal(5, host.GitHub.MergesIn(Repo)[0].Number);
    }

    [Fact]
    public async Task RefusedMerge_IsReported_AndNotRetriedUntilThePullRequestChanges_AConflictIsReported()
    {
        const string Refusal = "Required status check \"ci/security\" is expected.";
        await using var host = await PluginTestHost.StartAsync("presubmits: {}", "help", configYaml: Queries, seed: r =>
        {
            var pr = r.AddPullRequest(2, "protected", "alice", "head2");
            pr.Labels.AddRange(["lgtm", "approved"]);
            pr.MergeFailure = (405, Refusal); // branch protection wants a check tide was not told about
        });

        // The first sync finds it mergeable as far as tide knows; GitHub refuses once (a second try would succeed).
        await WaitForTideStatusAsync(host, "head2", "error", $"Not mergeable. Merge failed: {Refusal}");
        await host.SendAsync("status", Webhooks.Status(Repo, "head2", "ci/other", "success"));
        await host.Prow.Grains.GetGrain<IMergePoolGrain>("org/repo@main").GetAsync(); // queued behind the routed status
        Assert.Single(host.GitHub.CallsTo("PUT", "/repos/org/repo/pulls/2/merge"));

        // GitHub now sees a conflict; the next sync reads it.
        host.GitHub.Change(Repo, r => r.Issues[2].Mergeable = false);
        await host.Prow.Services.GetRequiredService<Prow.Grains.Tide.TideSync>().SyncOnceAsync(CancellationToken.None);
        await WaitForTideStatusAsync(host, "head2", "error", "Not mergeable. PR has a merge conflict.");
        Assert.Single(host.GitHub.CallsTo("PUT", "/repos/org/repo/pulls/2/merge"));
        Assert.Empty(host.GitHub.MergesIn(Repo));

        // The author resolves it: the pull request changes, GitHub says it merges cleanly, and tide tries again.
        host.GitHub.Change(Repo, r => r.Issues[2].Mergeable = true);
        await host.SendAsync("pull_request", Webhooks.PullRequest("edited", Repo, 2, "alice", "head2", labels: ["lgtm", "approved"]), pullRequest: 2);
        await host.Prow.Services.GetRequiredService<Prow.Grains.Tide.TideSync>().SyncOnceAsync(CancellationToken.None);
        await PluginTestHost.WaitUntilAsync(() => host.GitHub.MergesIn(Repo).Count == 1, () => "no merge; calls: " + Calls(host));
        Assert.Equal(2, host.GitHub.CallsTo("PUT", "/repos/org/repo/pulls/2/merge").Count);
    }

    [Fact]
    public async Task GitHubRefusingAWrite_IsRetried_AndTheMergeStillHappens()
    {
        await using var host = await PluginTestHost.StartAsync("presubmits: {}", "help", configYaml: Queries);
        await PluginTestHost.WaitUntilAsync(() => host.GitHub.CallsTo("GET", "/search/issues").Count > 0, () => "tide never synced");
        host.GitHub.Change(Repo, r => r.AddPullRequest(4, "unlucky", "alice", "head4").Labels.AddRange(["lgtm", "approved"]));
        host.GitHub.FailNext(1, 422, "Validation Failed", pathPrefix: "/repos/org/repo/statuses/");

        await host.SendAsync("pull_request", Webhooks.PullRequest("opened", Repo, 4, "alice", "head4", labels: ["lgtm", "approved"]), pullRequest: 4);
        await PluginTestHost.WaitUntilAsync(() => host.GitHub.MergesIn(Repo).Count == 1, () => "no merge; calls: " + Calls(host));

        // The first status write was refused; the pool tried again on its timer, then merged.
        Assert.Equal(2, host.GitHub.CallsTo("POST", "/repos/org/repo/statuses/head4").Count);
        Assert.Null((await host.Prow.Grains.GetGrain<IMergePoolGrain>("org/repo@main").GetAsync()).Error);
    }

    [Fact]
    public async Task ThreePullRequests_AreTestedAsOneBatch_AndMerged()
    {
        using var scratch = new TempFolder();
        var git = LocalGitRepository.Create(Path.Combine(scratch.Path, "origin"));
        await using var host = await StartWithGitAsync(git, "test -f a && test -f b && test -f c && echo batch $PULL_REFS");

        await PluginTestHost.WaitUntilAsync(() => host.GitHub.MergesIn(Repo).Count == 3, () => "merges: " + string.Join(",", host.GitHub.MergesIn(Repo).Select(m => m.Number)) + "; calls: " + Calls(host));

        Assert.Equal([1, 2, 3], host.GitHub.MergesIn(Repo).Select(m => m.Number));
        var history = await PoolHistoryAsync(host);
        Assert.Equal(["TRIGGER_BATCH", "MERGE_BATCH"], history.Select(h => h.Action).Reverse());
        Assert.All(history, h => Assert.Equal([1, 2, 3], h.Target.Select(t => t.Number)));
        // The merge is recorded at the base the batch passed at, and keeps the merged pull requests' titles.
        Assert.Single(history.Select(h => h.BaseSha).Distinct());
        Assert.Equal(["add a", "add b", "add c"], history[0].Target.Select(t => t.Title));

        // Prow's tide metrics: one merge of three pull requests, the pool left empty, and the sync loop (done once at start).
        var metrics = "";
        await Poll.UntilAsync(async () => (metrics = await host.Prow.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative))).Contains("\nsyncdur ", StringComparison.Ordinal));
        Assert.Contains("# TYPE merges histogram\n", metrics, StringComparison.Ordinal);
        Assert.Contains("merges_bucket{branch=\"main\",org=\"org\",repo=\"repo\",le=\"2\"} 0\n", metrics, StringComparison.Ordinal);
        Assert.Contains("merges_bucket{branch=\"main\",org=\"org\",repo=\"repo\",le=\"3\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("merges_sum{branch=\"main\",org=\"org\",repo=\"repo\"} 3\n", metrics, StringComparison.Ordinal);
        Assert.Contains("pooledprs{branch=\"main\",org=\"org\",repo=\"repo\"} 0\n", metrics, StringComparison.Ordinal);
        Assert.Contains("tidesyncheartbeat{controller=\"sync\"} ", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedBatch_FallsBackToSingles_AndTheCulpritIsLeftOut()
    {
        using var scratch = new TempFolder();
        var git = LocalGitRepository.Create(Path.Combine(scratch.Path, "origin"));
        // a and b each pass alone but break together.
        await using var host = await StartWithGitAsync(git, "if test -f a && test -f b; then echo a and b clash; exit 1; fi");

        await PluginTestHost.WaitUntilAsync(
            () => host.GitHub.MergesIn(Repo).Count == 2 && host.GitHub.StatusesFor(Repo, host.GitHub.Issue(Repo, 2).HeadSha).Any(s => s.Context == "tide" && s.Description == "Not mergeable. Job unit has not succeeded."),
            () => "merges: " + string.Join(",", host.GitHub.MergesIn(Repo).Select(m => m.Number)) + "; calls: " + Calls(host));

        Assert.Equal([1, 3], host.GitHub.MergesIn(Repo).Select(m => m.Number));
        var actions = (await PoolHistoryAsync(host)).Reverse().Select(h => $"{h.Action} {string.Join(",", h.Target.Select(t => t.Number))}").ToList();
        Assert.Equal(["TRIGGER_BATCH 1,2,3", "TRIGGER 1", "MERGE 1", "TRIGGER_BATCH 2,3", "TRIGGER 2", "TRIGGER 3", "MERGE 3"], actions);
    }

    [Fact]
    public async Task PullRequestUpdatedInThePool_IsRetestedAtItsNewHead_BeforeMerging()
    {
        using var scratch = new TempFolder();
        var release = Path.Combine(scratch.Path, "release");
        await using var host = await PluginTestHost.StartAsync($$"""
            presubmits:
              org/repo:
              - name: unit
                always_run: true
                spec:
                  containers:
                  - image: alpine
                    command: [sh, -c, "while [ ! -f {{release}} ]; do sleep 0.05; done"]
            """, "help", configYaml: Queries, seed: r => r.AddPullRequest(1, "change", "alice", "head1").Labels.AddRange(["lgtm", "approved"]));
        var pool = host.Prow.Grains.GetGrain<IMergePoolGrain>("org/repo@main");
        await PluginTestHost.WaitUntilAsync(() => PoolHistoryAsync(host).Result.Any(h => h.Action == "TRIGGER"), () => "no retest; calls: " + Calls(host));
        // In the pool, but unit has not passed at this base: Prow's wording.
        await WaitForTideStatusAsync(host, "head1", "pending", "Not mergeable. Retesting: unit");

        host.GitHub.Change(Repo, r => r.Issues[1].HeadSha = "head2");
        await host.SendAsync("pull_request", Webhooks.PullRequest("synchronize", Repo, 1, "alice", "head2", labels: ["lgtm", "approved"]), pullRequest: 1);
        await PluginTestHost.WaitUntilAsync(() => PoolHistoryAsync(host).Result.Count(h => h.Action == "TRIGGER") == 2, () => "no second retest; calls: " + Calls(host));
        // The retest of head1 can no longer merge anything: tide aborted it.
        await PluginTestHost.WaitUntilAsync(
            () => JobsAsync(host).Result.Any(j => j is { Sha: "head1", State: "aborted" } && j.Description == Prow.Grains.Tide.MergePoolGrain.AbortedForNewHead),
            () => "head1's retest was not aborted: " + string.Join(", ", JobsAsync(host).Result.Select(j => $"{j.Sha} {j.State} {j.Description}")));
        await File.WriteAllTextAsync(release, "");
        await PluginTestHost.WaitUntilAsync(() => host.GitHub.MergesIn(Repo).Count == 1, () => "no merge; calls: " + Calls(host));

        Assert.Equal("head2", host.GitHub.MergesIn(Repo)[0].ShaGuard);
        var triggers = (await pool.GetHistoryAsync()).Where(h => h.Action == "TRIGGER").Reverse().Select(h => h.Target[0].HeadSha);
        Assert.Equal(["head1", "head2"], triggers);
    }

    /// <summary>Three labelled pull requests, adding files a, b and c, in a real repository the jobs clone; merges are real git merges.</summary>
    private static Task<PluginTestHost> StartWithGitAsync(LocalGitRepository git, string script)
    {
        var heads = new[] { git.AddPullRequest(1, "a", "a\n"), git.AddPullRequest(2, "b", "b\n"), git.AddPullRequest(3, "c", "c\n") };
        return PluginTestHost.StartAsync($$"""
            presubmits:
              org/repo:
              - name: unit
                always_run: true
                decorate: true
                clone_uri: {{git.Path}}
                spec:
                  containers:
                  - image: alpine
                    command: [sh, -c]
                    args: ["{{script}}"]
            """, "help", configYaml: Queries, seed: r =>
        {
            r.Branches["main"] = git.MainSha;
            for (var i = 0; i < heads.Length; i++)
            {
                r.AddPullRequest(i + 1, $"add {(char)('a' + i)}", "alice", heads[i], headRef: $"pr-{i + 1}").Labels.AddRange(["lgtm", "approved"]);
            }

            r.MergeCommit = (pr, _) => git.MergePullRequest(pr.Number);
        });
    }

    /// <summary>Every ProwJob as /prowjobs.js lists it: the pull request head it tests, its state and description.</summary>
    private static async Task<IReadOnlyList<(string Sha, string State, string Description)>> JobsAsync(PluginTestHost host) =>
        [.. (await GetJsonAsync(host, "/prowjobs.js")).GetProperty("items").EnumerateArray()
            .Where(j => j.GetProperty("spec").TryGetProperty("refs", out var refs) && refs.TryGetProperty("pulls", out var pulls) && pulls.GetArrayLength() == 1)
            .Select(j => (
                j.GetProperty("spec").GetProperty("refs").GetProperty("pulls")[0].GetProperty("sha").GetString() ?? "",
                j.GetProperty("status").GetProperty("state").GetString() ?? "",
                j.GetProperty("status").TryGetProperty("description", out var d) ? d.GetString() ?? "" : ""))];

    private static async Task<IReadOnlyList<TideHistoryRecord>> PoolHistoryAsync(PluginTestHost host) =>
        await host.Prow.Grains.GetGrain<IMergePoolGrain>("org/repo@main").GetHistoryAsync();

    private static void SetStatus(PluginTestHost host, string sha, string context, string state) =>
        host.GitHub.Change(Repo, r =>
        {
            if (!r.Statuses.TryGetValue(sha, out var list))
            {
                r.Statuses[sha] = list = [];
            }

            list.Insert(0, new FakeStatus(list.Count + 1, state, context, null, null, "ci-bot", DateTimeOffset.UtcNow));
        });

    private static Task WaitForTideStatusAsync(PluginTestHost host, string sha, string state, string description) =>
        PluginTestHost.WaitUntilAsync(
            () => host.GitHub.StatusesFor(Repo, sha).FirstOrDefault(s => s.Context == "tide") is { } latest && latest.State == state && latest.Description == description,
            () => $"tide did not say {state} \"{description}\" on {sha}; it said: "
                + string.Join(" | ", host.GitHub.StatusesFor(Repo, sha).Where(s => s.Context == "tide").Select(s => $"{s.State} {s.Description}")) + "; calls: " + Calls(host));

    private static string Calls(PluginTestHost host) => string.Join(", ", host.GitHub.Calls.Select(c => $"{c.Method} {c.Path}"));

    private static async Task<JsonElement> GetJsonAsync(PluginTestHost host, string path) =>
        JsonDocument.Parse(await host.Prow.Client.GetStringAsync(path)).RootElement;
}
