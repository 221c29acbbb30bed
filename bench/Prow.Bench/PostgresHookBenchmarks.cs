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
        await LgtmWebhooks.SendAsync(clients, 1_000, 32, "warm", Secret);
        var (one, oneLatencies) = await LgtmWebhooks.SendAsync(clients[..1], 10_000, 32, "one", Secret);
        Measure.Report("PostgreSQL: webhooks/s through one gateway (32 conns)", $"{one:N0}");
        Measure.Report("PostgreSQL: webhook latency, one gateway", Measure.Percentiles(oneLatencies));
        var (two, twoLatencies) = await LgtmWebhooks.SendAsync(clients, 10_000, 32, "two", Secret);
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

}
