using System.Text.Json;
using Prow.GrainInterfaces.Tide;

namespace Prow.Silo.Tests;

/// <summary>
/// Tide's batches end to end, in a real repository the jobs clone and tide trial-merges: pull requests that conflict
/// are never batched together, and with bisection a failed batch finds its culprit and merges the rest.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class TideBatchTests
{
    private const string Repo = PluginTestHost.Repo;

    [Fact]
    public async Task ConflictingPullRequest_IsLeftOutOfTheBatch_ByTheTrialMerge()
    {
        using var scratch = new TempFolder();
        var git = LocalGitRepository.Create(Path.Combine(scratch.Path, "origin"));
        // B writes the file A writes, differently: each merges alone, not together.
        var heads = new[] { git.AddPullRequest(1, "a", "from A\n"), git.AddPullRequest(2, "a", "from B\n"), git.AddPullRequest(3, "c", "from C\n") };
        await using var host = await StartAsync(git, heads, "echo tested $PULL_REFS", """

              batch_size_limit:
                org/repo: 3
            """);

        await PluginTestHost.WaitUntilAsync(
            () => host.GitHub.MergesIn(Repo).Count == 2 && PoolHistoryAsync(host).Result.Any(h => h is { Action: "TRIGGER", Target: [{ Number: 2 }] }),
            () => "merges: " + string.Join(",", host.GitHub.MergesIn(Repo).Select(m => m.Number)) + "; history: " + Describe(PoolHistoryAsync(host).Result));

        var history = await PoolHistoryAsync(host);
        var batches = history.Where(h => h.Action == "TRIGGER_BATCH").Select(h => h.Target.Select(t => t.Number).ToList()).ToList();
        Assert.DoesNotContain(batches, b => b.Contains(1) && b.Contains(2));
        Assert.Equal([[1, 3]], batches);
        Assert.Equal([1, 3], host.GitHub.MergesIn(Repo).Select(m => m.Number));
    }

    [Fact]
    public async Task FailedBatchOfEight_IsBisected_TheSevenGoodOnesMerge_AndTheCulpritIsTold()
    {
        using var scratch = new TempFolder();
        var git = LocalGitRepository.Create(Path.Combine(scratch.Path, "origin"));
        var heads = Enumerable.Range(1, 8).Select(n => git.AddPullRequest(n, $"f{n}", $"{n}\n")).ToArray();
        var release = Path.Combine(scratch.Path, "release");
        // Pull request 5 breaks the build; the others are fine in any combination. Tested alone (without 6), 5 fails
        // only once the test lets it, so the bisection can be watched while it runs.
        await using var host = await StartAsync(git, heads, $"if test -f f5; then if test ! -f f6; then while test ! -f {release}; do sleep 0.05; done; fi; echo f5 breaks it; exit 1; fi", """

              bisect_failed_batches:
                org/repo: true
            """);

        // Down to 5 and 6, each tested alone: 6 passed, 5 is still running, and the pool shows what it is splitting.
        var pool = host.Prow.Grains.GetGrain<IMergePoolGrain>("org/repo@main");
        await PluginTestHost.WaitUntilAsync(
            () => pool.GetAsync().Result.Bisection is [[{ Number: 5 }, { Number: 6 }]] && PoolHistoryAsync(host).Result.Count(h => h is { Action: "TRIGGER" }) == 2,
            () => "bisection: " + string.Join(" ", pool.GetAsync().Result.Bisection.Select(g => string.Join(",", g.Select(p => p.Number)))) + "; history: " + Describe(PoolHistoryAsync(host).Result));
        var tideJs = JsonDocument.Parse(await host.Prow.Client.GetStringAsync("/tide.js")).RootElement.GetProperty("Pools")[0];
        Assert.Equal([5, 6], tideJs.GetProperty("Bisection")[0].EnumerateArray().Select(p => p.GetProperty("Number").GetInt32()));
        Assert.Contains("A failed batch is being split: one of 2 pull requests fails", await host.Prow.Client.GetStringAsync("/tide"), StringComparison.Ordinal);
        Assert.Equal([1, 2, 3, 4, 7, 8], host.GitHub.MergesIn(Repo).Select(m => m.Number).Order());

        await File.WriteAllTextAsync(release, "");
        await PluginTestHost.WaitUntilAsync(
            () => host.GitHub.MergesIn(Repo).Count == 7 && host.GitHub.CommentsOn(Repo, 5).Any(IsBisectionComment),
            () => "merges: " + string.Join(",", host.GitHub.MergesIn(Repo).Select(m => m.Number)) + "; history: " + Describe(PoolHistoryAsync(host).Result));

        Assert.Equal([1, 2, 3, 4, 6, 7, 8], host.GitHub.MergesIn(Repo).Select(m => m.Number).Order());
        var history = (await PoolHistoryAsync(host)).Reverse().ToList();
        var batches = history.Where(h => h.Action == "TRIGGER_BATCH").Select(h => string.Join(",", h.Target.Select(t => t.Number))).ToList();
        // The batch of 8, its halves, then the halves of the failing half: 5 batch runs (falling back to singles takes 8 retests).
        Assert.Equal(["1,2,3,4,5,6,7,8", "1,2,3,4", "5,6,7,8", "5,6", "7,8"], batches);
        Assert.Equal(5, batches.Count);
        Assert.Equal(["1,2,3,4", "7,8"], history.Where(h => h.Action == "MERGE_BATCH").Select(h => string.Join(",", h.Target.Select(t => t.Number))));
        Assert.Contains(history, h => h is { Action: "BISECTION_CULPRIT", Target: [{ Number: 5 }] });
        var comment = Assert.Single(host.GitHub.CommentsOn(Repo, 5), IsBisectionComment);
        Assert.Contains("failed job `unit`", comment.Body, StringComparison.Ordinal);
        Assert.Empty((await host.Prow.Grains.GetGrain<IMergePoolGrain>("org/repo@main").GetAsync()).Bisection);
    }

    /// <summary>Labelled pull requests at the given heads (refs/pull/N/head in <paramref name="git"/>), and one required presubmit running <paramref name="script"/>.</summary>
    private static Task<PluginTestHost> StartAsync(LocalGitRepository git, string[] heads, string script, string tideYaml) =>
        PluginTestHost.StartAsync($$"""
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
            """, "help", configYaml: """
            tide:
              queries:
              - repos: [org/repo]
                labels: [lgtm, approved]
            """ + tideYaml, seed: r =>
        {
            r.Branches["main"] = git.MainSha;
            for (var i = 0; i < heads.Length; i++)
            {
                r.AddPullRequest(i + 1, $"change {i + 1}", "alice", heads[i], headRef: $"pr-{i + 1}").Labels.AddRange(["lgtm", "approved"]);
            }

            r.MergeCommit = (pr, _) => git.MergePullRequest(pr.Number);
        });

    private static bool IsBisectionComment(Prow.FakeGitHub.FakeComment comment) => comment.Body.StartsWith("Tide tested this pull request alone", StringComparison.Ordinal);

    private static async Task<IReadOnlyList<TideHistoryRecord>> PoolHistoryAsync(PluginTestHost host) =>
        await host.Prow.Grains.GetGrain<IMergePoolGrain>("org/repo@main").GetHistoryAsync();

    private static string Describe(IEnumerable<TideHistoryRecord> history) =>
        string.Join(" | ", history.Reverse().Select(h => $"{h.Action} {string.Join(",", h.Target.Select(t => t.Number))}{(h.Error is null ? "" : " " + h.Error)}"));
}
