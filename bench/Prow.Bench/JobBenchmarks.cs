using System.Diagnostics;
using System.Globalization;
using System.Text;
using Prow.FakeGitHub;
using Prow.Silo.Cli;
using Prow.Silo.Hosting;

namespace Prow.Bench;

/// <summary>
/// Jobs end to end on the local build cluster: a signed push webhook starts a trivial postsubmit. Measures the time
/// from the webhook's 200 to the job's process running (the process writes its own start time), and jobs per second.
/// </summary>
internal static class JobBenchmarks
{
    internal const string Secret = "bench-secret";

    public static async Task RunAsync(string folder)
    {
        await using var gitHub = await FakeGitHubServer.StartAsync();
        gitHub.State.AddRepo("bench/repo");
        var ledger = Path.Combine(folder, "ledger");
        var jobs = Path.Combine(folder, "jobs.yaml");
        await File.WriteAllTextAsync(jobs, $"postsubmits:\n  bench/repo:\n  - name: trivial\n    spec: {{containers: [{{image: alpine, command: [sh, -c, \"echo $PULL_BASE_SHA $(date +%s%N) >> {ledger}\"]}}]}}\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "hmac"), Secret);
        await File.WriteAllTextAsync(Path.Combine(folder, "token"), "t");
        var app = ProwHost.Build(new ProwOptions
        {
            Urls = "http://127.0.0.1:0",
            Storage = new StorageLocation(StorageKind.Sqlite, Path.Combine(folder, "jobs.db")),
            HmacSecretFile = Path.Combine(folder, "hmac"),
            JobConfigPath = jobs,
            GitHubEndpoints = [gitHub.BaseAddress],
            GitHubTokenPath = Path.Combine(folder, "token"),
            Artifacts = Path.Combine(folder, "artifacts"),
        });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        await PushAsync(client, "warm", 20, concurrency: 4);
        await WaitForAsync(ledger, 20);

        // Latency: one push at a time, so the number is the path's own and not queueing behind other jobs.
        var accepted = await PushAsync(client, "lat", 100, concurrency: 1, pause: TimeSpan.FromMilliseconds(30));
        var started = await WaitForAsync(ledger, 120);
        var latencies = accepted.Select(a => (started[a.Key] - a.Value) / 1e6).ToList();
        Measure.Report("webhook 200 → job process running", Measure.Percentiles(latencies));

        // Throughput: 300 pushes as fast as 16 senders go, until every job has run.
        var begin = Stopwatch.GetTimestamp();
        await PushAsync(client, "tput", 300, concurrency: 16);
        await WaitForAsync(ledger, 420);
        var seconds = Stopwatch.GetElapsedTime(begin).TotalSeconds;
        Measure.Report("trivial jobs completed/s (local cluster)", $"{300 / seconds:N1} (300 jobs in {seconds:F1} s)");
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>Sends pushes; returns when each was accepted (Unix nanoseconds), by its sha.</summary>
    internal static async Task<Dictionary<string, long>> PushAsync(HttpClient client, string prefix, int count, int concurrency, TimeSpan? pause = null)
    {
        var accepted = new Dictionary<string, long>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var sha = $"{prefix}{i:D6}";
                var body = Encoding.UTF8.GetBytes("{\"ref\":\"refs/heads/main\",\"before\":\"0\",\"after\":\"" + sha + "\",\"commits\":[],\"repository\":{\"full_name\":\"bench/repo\",\"name\":\"repo\",\"owner\":{\"login\":\"bench\"}}}");
                using var request = SignedWebhook.Request("push", sha, body, Secret);
                using var response = await client.SendAsync(request);
                var at = (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100;
                response.EnsureSuccessStatusCode();
                lock (accepted)
                {
                    accepted[sha] = at;
                }

                if (pause is { } p)
                {
                    await Task.Delay(p);
                }
            }
        })));
        return accepted;
    }

    /// <summary>Waits until the ledger has this many lines; returns each sha's process start (Unix nanoseconds).</summary>
    internal static async Task<Dictionary<string, long>> WaitForAsync(string ledger, int lines)
    {
        for (var i = 0; i < 1200; i++)
        {
            var content = File.Exists(ledger) ? await File.ReadAllLinesAsync(ledger) : [];
            if (content.Length >= lines)
            {
                return content.Select(l => l.Split(' ')).ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture));
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"only some of {lines} jobs ran within 60 s");
    }
}
