using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Prow.FakeGitHub;
using Prow.Silo.Cli;
using Prow.Silo.Hosting;
using Prow.TestKit.Postgres;

namespace Prow.Bench;

/// <summary>
/// Signed webhooks over HTTP into two prow hosts on one PostgreSQL database (a throwaway local cluster): first all
/// through one, then spread over both. Each webhook is validated, stored once in the shared inbox and handled by a grain.
/// </summary>
internal static class PostgresHookBenchmarks
{
    private const string Secret = "bench-secret";

    public static async Task RunAsync(string folder)
    {
        var secretFile = Path.Combine(folder, "hmac");
        await File.WriteAllTextAsync(secretFile, Secret);
        var connectionFile = Path.Combine(folder, "database");
        await File.WriteAllTextAsync(connectionFile, PostgresServer.Shared.CreateDatabase("bench"));
        var hosts = new List<WebApplication>();
        for (var i = 0; i < 2; i++)
        {
            var app = ProwHost.Build(new ProwOptions
            {
                Urls = "http://127.0.0.1:0",
                Storage = new StorageLocation(StorageKind.Postgres, null),
                StorageConnectionFile = connectionFile,
                HmacSecretFile = secretFile,
                Artifacts = Path.Combine(folder, $"artifacts-{i}"),
            });
            await app.StartAsync();
            hosts.Add(app);
        }

        var clients = hosts.Select(h => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(h.Urls.First()) }).ToArray();
        await SendAsync(clients, 1_000, 32, "warm");
        var (one, oneLatencies) = await SendAsync(clients[..1], 10_000, 32, "one");
        Measure.Report("PostgreSQL: webhooks/s through one gateway (32 conns)", $"{one:N0}");
        Measure.Report("PostgreSQL: webhook latency, one gateway", Measure.Percentiles(oneLatencies));
        var (two, twoLatencies) = await SendAsync(clients, 10_000, 32, "two");
        Measure.Report("PostgreSQL: webhooks/s through two gateways (32 conns over both)", $"{two:N0}");
        Measure.Report("PostgreSQL: webhook latency, two gateways", Measure.Percentiles(twoLatencies));
        foreach (var client in clients)
        {
            client.Dispose();
        }

        foreach (var app in hosts)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<(double Rate, List<double> Latencies)> SendAsync(HttpClient[] clients, int count, int concurrency, string prefix)
    {
        var latencies = new List<double>(count);
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(c => Task.Run(async () =>
        {
            var client = clients[c % clients.Length];
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
