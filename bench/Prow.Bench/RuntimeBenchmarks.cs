using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace Prow.Bench;

/// <summary>Grain calls per second on one Orleans silo, activations per second and the memory an idle activation costs.</summary>
internal static class RuntimeBenchmarks
{
    public static async Task RunAsync()
    {
        using var host = await BenchSilo.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var management = grains.GetGrain<IManagementGrain>(0);

        // Calls: 1,000 warm grains, many callers each keeping a window of calls outstanding.
        var keys = Enumerable.Range(0, 1000).Select(i => grains.GetGrain<IPingGrain>($"warm-{i}")).ToArray();
        await Task.WhenAll(keys.Select(k => k.PingAsync(0)));
        await CallsAsync(keys, TimeSpan.FromSeconds(2), window: 64);
        var (calls, seconds) = await CallsAsync(keys, TimeSpan.FromSeconds(5), window: 64);
        Measure.Report("grain calls/s (in memory, 1000 grains)", $"{calls / seconds:N0}");
        var (sequential, sequentialSeconds) = await CallsAsync(keys, TimeSpan.FromSeconds(3), window: 1);
        Measure.Report("grain calls/s (one caller, awaited one by one)", $"{sequential / sequentialSeconds:N0}");

        // Activations: new keys, activated in batches.
        const int Activations = 200_000;
        var started = Stopwatch.GetTimestamp();
        for (var batch = 0; batch < Activations; batch += 10_000)
        {
            await Task.WhenAll(Enumerable.Range(batch, 10_000).Select(i => grains.GetGrain<IPingGrain>($"act-{i}").PingAsync(1)));
        }

        Measure.Report("activations/s", $"{Activations / Stopwatch.GetElapsedTime(started).TotalSeconds:N0}");

        // Memory: idle activations of a stateless grain, measured after full collections.
        await management.ForceActivationCollection(TimeSpan.Zero);
        await WaitForAsync(async () => await PingActivationsAsync(management) == 0);
        const int Idle = 100_000;
        var before = Settle();
        for (var batch = 0; batch < Idle; batch += 10_000)
        {
            await Task.WhenAll(Enumerable.Range(batch, 10_000).Select(i => grains.GetGrain<IPingGrain>($"idle-{i}").PingAsync(1)));
        }

        await Task.Delay(200);
        var after = Settle();
        Measure.Report("bytes per idle activation", $"{(after - before) / (double)Idle:N0} (over {await PingActivationsAsync(management):N0} activations)");
        await host.StopAsync();
    }

    private static async Task<(long Calls, double Seconds)> CallsAsync(IPingGrain[] grains, TimeSpan duration, int window)
    {
        long calls = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var callers = Enumerable.Range(0, window == 1 ? 1 : Environment.ProcessorCount * 4).Select(c => Task.Run(async () =>
        {
            var random = new Random(c);
            var pending = new Task<int>[window];
            long mine = 0;
            while (Stopwatch.GetTimestamp() < deadline)
            {
                for (var i = 0; i < window; i++)
                {
                    pending[i] = grains[random.Next(grains.Length)].PingAsync(i);
                }

                await Task.WhenAll(pending);
                mine += window;
            }

            Interlocked.Add(ref calls, mine);
        })).ToArray();
        await Task.WhenAll(callers);
        return (calls, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static long Settle()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task<int> PingActivationsAsync(IManagementGrain management) =>
        (await management.GetSimpleGrainStatistics()).Where(s => s.GrainType.Contains(nameof(PingGrain), StringComparison.Ordinal)).Sum(s => s.ActivationCount);

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 600 && !await condition(); i++)
        {
            await Task.Delay(50);
        }
    }
}
