using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Silo.Cli;
using Prow.Silo.Hosting;

namespace Prow.Bench;

/// <summary>50,000 made-up job ids asked of the pages that take one: how many ProwJob grains that activates.</summary>
internal static class UnknownJobIdBenchmark
{
    private const int Ids = 50_000;
    private const int Connections = 32;

    public static async Task RunAsync(string folder)
    {
        var app = ProwHost.Build(new ProwOptions
        {
            Urls = "http://127.0.0.1:0",
            Storage = new StorageLocation(StorageKind.Sqlite, Path.Combine(folder, "unknown-ids.db")),
            Artifacts = Path.Combine(folder, "unknown-ids-artifacts"),
        });
        await app.StartAsync();
        try
        {
            var grains = app.Services.GetRequiredService<IGrainFactory>();
            var type = grains.GetGrain<IProwJobGrain>("any").GetGrainId().Type;
            var management = grains.GetGrain<IManagementGrain>(0);
            var before = (await management.GetActiveGrains(type)).Count;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);

            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Connections }) { BaseAddress = new Uri(app.Urls.First()) };
            string[] pages = ["/prowjob?prowjob={0}", "/artifact?prowjob={0}&name=build-log.txt", "/view/{0}"];
            var notFound = 0;
            var (rate, _) = await ConcurrentLoad.RunAsync(Ids, Connections, async (_, i) =>
            {
                using var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, pages[i % pages.Length], Guid.NewGuid()));
                if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
                {
                    Interlocked.Increment(ref notFound);
                }
            });
            var after = (await management.GetActiveGrains(type)).Count;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);

            Measure.Report($"{Ids:N0} unknown job ids: ProwJob activations", $"{after - before:N0} ({notFound:N0} answered 404 in {Ids / rate:F1} s)");
            Measure.Report("  managed heap growth after", $"{(memoryAfter - memoryBefore) / (1024.0 * 1024):F1} MB");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
