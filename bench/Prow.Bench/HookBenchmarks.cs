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

        await LgtmWebhooks.SendAsync([client], 1_000, 32, "warm", Secret);
        var (rate, latencies) = await LgtmWebhooks.SendAsync([client], 20_000, 32, "run", Secret);
        Measure.Report("webhooks/s (signed, durably accepted, 32 conns)", $"{rate:N0}");
        Measure.Report("webhook latency", Measure.Percentiles(latencies));
        await app.StopAsync();
        await app.DisposeAsync();
    }

}
