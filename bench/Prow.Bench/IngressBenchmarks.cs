using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Prow.Ingress;
using Prow.Storage.Sqlite;

namespace Prow.Bench;

/// <summary>Durable ingress on SQLite (synchronous=FULL): each accept returns only after its batch is committed.</summary>
internal static class IngressBenchmarks
{
    public static async Task RunAsync(string folder)
    {
        var database = SqliteDatabase.Open(Path.Combine(folder, "ingress.db"));
        using var host = await BenchSilo.StartAsync(services => services
            .AddDurableIngress()
            .AddIngressHandler<PingIngressHandler>()
            .AddSingleton<IIngressStore>(sp => new SqliteIngressStore(database, TimeProvider.System)));
        var ingress = host.Services.GetRequiredService<IngressPipeline>();

        await AcceptAsync(ingress, 2_000, concurrency: 64, "warm");
        var (rate, latencies) = await AcceptAsync(ingress, 50_000, concurrency: 64, "run");
        var (batches, items) = ingress.CommitStatistics;
        Measure.Report("durable ingress events/s (SQLite, 64 callers)", $"{rate:N0}");
        Measure.Report("durable ingress accept latency", Measure.Percentiles(latencies));
        Measure.Report("mean events per group commit", $"{items / (double)batches:N1}");
        await host.StopAsync();
        await database.DisposeAsync();
    }

    private static Task<(double Rate, List<double> Latencies)> AcceptAsync(IngressPipeline ingress, int count, int concurrency, string prefix) =>
        ConcurrentLoad.RunAsync(count, concurrency, (_, i) =>
            ingress.AcceptAsync(new IngressMessage("bench", $"{prefix}-{i}", Encoding.UTF8.GetBytes($"k{i % 500}")), CancellationToken.None));

    private sealed class PingIngressHandler(IGrainFactory grains) : IIngressHandler
    {
        public string Kind => "bench";

        public Task HandleAsync(IngressEntry entry, CancellationToken cancellationToken) =>
            grains.GetGrain<IPingGrain>(Encoding.UTF8.GetString(entry.Payload.Span)).PingAsync(1);
    }
}
