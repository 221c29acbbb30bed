using System.Diagnostics;
using System.Text;
using Prow.FakeGitHub;
using Prow.Silo.Cli;
using Prow.Silo.Hosting;

namespace Prow.Bench;

/// <summary>Signed webhooks over HTTP into the real host on SQLite: validated, durably accepted, answered.</summary>
internal static class HookBenchmarks
{
    private const string Secret = "bench-secret";

    public static async Task RunAsync(string folder)
    {
        var secretFile = Path.Combine(folder, "hmac");
        await File.WriteAllTextAsync(secretFile, Secret);
        var app = ProwHost.Build(new ProwOptions
        {
            Urls = "http://127.0.0.1:0",
            Storage = new StorageLocation(StorageKind.Sqlite, Path.Combine(folder, "hook.db")),
            HmacSecretFile = secretFile,
        });
        await app.StartAsync();
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(app.Urls.First()) };

        await SendAsync(client, 1_000, 32, "warm");
        var (rate, latencies) = await SendAsync(client, 20_000, 32, "run");
        Measure.Report("webhooks/s (signed, durably accepted, 32 conns)", $"{rate:N0}");
        Measure.Report("webhook latency", Measure.Percentiles(latencies));
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static async Task<(double Rate, List<double> Latencies)> SendAsync(HttpClient client, int count, int concurrency, string prefix)
    {
        var latencies = new List<double>(count);
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var mine = new List<double>();
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var body = Encoding.UTF8.GetBytes($$$"""{"action":"created","issue":{"number":{{{i % 50 + 1}}}},"comment":{"body":"/lgtm"},"repository":{"full_name":"bench/repo{{{i % 20}}}"}}""");
                using var request = SignedWebhook.Request("issue_comment", $"{prefix}-{i}", body, Secret);
                var t = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request);
                mine.Add(Measure.ElapsedMs(t));
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"hook answered {(int)response.StatusCode}");
                }
            }

            lock (latencies)
            {
                latencies.AddRange(mine);
            }
        })));
        return (count / Stopwatch.GetElapsedTime(started).TotalSeconds, latencies);
    }
}
