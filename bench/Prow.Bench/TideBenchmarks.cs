using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Prow.FakeGitHub;
using Prow.Silo.Cli;
using Prow.Silo.Hosting;

namespace Prow.Bench;

/// <summary>
/// Tide's event path: a labelled pull request waits for one required status (ci/external); the status webhook
/// arrives and the pool merges. Measures the time from sending the status webhook to the fake GitHub receiving the
/// merge, and every GitHub call tide made per merged pull request (from the pull request's first event to its merge).
/// </summary>
internal static class TideBenchmarks
{
    private const string Secret = "bench-secret";
    private const string Repo = "bench/repo";

    public static async Task RunAsync(string folder)
    {
        await using var gitHub = await FakeGitHubServer.StartAsync();
        var merged = new ConcurrentDictionary<int, long>();
        gitHub.State.AddRepo(Repo).WithBranch("main", "base0");
        gitHub.Change(Repo, r => r.MergeCommit = (pr, _) =>
        {
            merged[pr.Number] = Stopwatch.GetTimestamp();
            return $"merge{pr.Number:D6}";
        });
        var config = Path.Combine(folder, "tide-config.yaml");
        await File.WriteAllTextAsync(config, "tide:\n  queries:\n  - repos: [bench/repo]\n    labels: [lgtm]\n  context_options:\n    required-contexts: [ci/external]\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "hmac"), Secret);
        await File.WriteAllTextAsync(Path.Combine(folder, "token"), "t");
        var app = ProwHost.Build(new ProwOptions
        {
            Urls = "http://127.0.0.1:0",
            Storage = new StorageLocation(StorageKind.Sqlite, Path.Combine(folder, "tide.db")),
            HmacSecretFile = Path.Combine(folder, "hmac"),
            ConfigPath = config,
            GitHubEndpoints = [gitHub.BaseAddress],
            GitHubTokenPath = Path.Combine(folder, "token"),
            Artifacts = Path.Combine(folder, "artifacts"),
        });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        await WaitAsync(() => gitHub.CallsTo("GET", "/search/issues").Count > 0); // the startup sync is done with

        await MergeAsync(client, gitHub, merged, 1, 20);
        var callsBefore = gitHub.Calls.Count;
        var latencies = await MergeAsync(client, gitHub, merged, 21, 200);
        var calls = gitHub.Calls.Count - callsBefore;
        Measure.Report("last required status → merge call", Measure.Percentiles(latencies));
        Measure.Report("GitHub calls per merged pull request", $"{calls / 200.0:F2} ({calls} calls for 200 merges)");
        await SyncCostAsync(app.Services, gitHub);
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>
    /// The safety net's price: a sync over 100 open pull requests (unlabelled, so they stay open). The third pass
    /// finds nothing changed, and its conditional requests answered 304 cost no rate-limit tokens.
    /// </summary>
    private static async Task SyncCostAsync(IServiceProvider services, FakeGitHubServer gitHub)
    {
        gitHub.Change(Repo, r =>
        {
            for (var n = 1000; n < 1100; n++)
            {
                r.AddPullRequest(n, "waiting", "alice", $"open{n}");
            }
        });
        var sync = services.GetRequiredService<Prow.Grains.Tide.TideSync>();
        await sync.SyncOnceAsync(CancellationToken.None); // reads everything and sets each tide status
        await sync.SyncOnceAsync(CancellationToken.None); // reads the statuses it set
        var (calls, tokens) = (gitHub.Calls.Count, gitHub.RateLimit().Remaining);
        var began = Stopwatch.GetTimestamp();
        await sync.SyncOnceAsync(CancellationToken.None);
        var ms = Measure.ElapsedMs(began);
        Measure.Report("unchanged sync, 100 open pull requests", $"{gitHub.Calls.Count - calls} calls, {tokens - gitHub.RateLimit().Remaining} core tokens, {ms:F0} ms");
    }

    /// <summary>Opens each pull request, waits until tide says what it lacks, then sends the green status and times the merge.</summary>
    private static async Task<List<double>> MergeAsync(HttpClient client, FakeGitHubServer gitHub, ConcurrentDictionary<int, long> merged, int first, int count)
    {
        var latencies = new List<double>();
        for (var number = first; number < first + count; number++)
        {
            var head = $"head{number:D6}";
            var n = number;
            gitHub.Change(Repo, r => r.AddPullRequest(n, "change", "alice", head).Labels.Add("lgtm"));
            await SendAsync(client, "pull_request", $"open-{n}", PullRequest(n, head));
            await WaitAsync(() => gitHub.StatusesFor(Repo, head).Any(s => s.Context == "tide"));
            gitHub.Change(Repo, r => r.Statuses[head] = [new FakeStatus(n, "success", "ci/external", null, null, "ci", DateTimeOffset.UtcNow)]);

            var sent = Stopwatch.GetTimestamp();
            await SendAsync(client, "status", $"status-{n}", Status(head));
            await WaitAsync(() => merged.ContainsKey(n));
            latencies.Add(Stopwatch.GetElapsedTime(sent, merged[n]).TotalMilliseconds);
        }

        return latencies;
    }

    private static async Task SendAsync(HttpClient client, string eventName, string delivery, JsonObject payload)
    {
        using var request = SignedWebhook.Request(eventName, delivery, System.Text.Encoding.UTF8.GetBytes(payload.ToJsonString()), Secret);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    private static JsonObject PullRequest(int number, string head) => new()
    {
        ["action"] = "opened",
        ["number"] = number,
        ["pull_request"] = new JsonObject
        {
            ["number"] = number,
            ["state"] = "open",
            ["title"] = "change",
            ["user"] = new JsonObject { ["login"] = "alice" },
            ["head"] = new JsonObject { ["ref"] = $"pr-{number}", ["sha"] = head },
            ["base"] = new JsonObject { ["ref"] = "main", ["sha"] = "base0" },
            ["labels"] = new JsonArray(new JsonObject { ["name"] = "lgtm" }),
        },
        ["repository"] = RepositoryJson(),
    };

    private static JsonObject Status(string sha) => new()
    {
        ["sha"] = sha,
        ["context"] = "ci/external",
        ["state"] = "success",
        ["repository"] = RepositoryJson(),
    };

    private static JsonObject RepositoryJson() => new() { ["full_name"] = Repo, ["name"] = "repo", ["owner"] = new JsonObject { ["login"] = "bench" } };

    private static async Task WaitAsync(Func<bool> condition)
    {
        for (var i = 0; i < 60_000 && !condition(); i++)
        {
            await Task.Delay(1);
        }

        if (!condition())
        {
            throw new TimeoutException("tide did not get there within a minute");
        }
    }
}
