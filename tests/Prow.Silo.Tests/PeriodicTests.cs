using Prow.GrainInterfaces.ProwJobs;
using Prow.Silo.Hosting;
using Prow.TestKit;

namespace Prow.Silo.Tests;

/// <summary>Horologium: a periodic runs on schedule, keeps its schedule across a restart, and never runs one slot twice.</summary>
[Collection(HeavyTests.Name)]
public sealed class PeriodicTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Periodic_FiresOnSchedule_AcrossARestart_WithoutADoubleFire()
    {
        var jobs = Path.Combine(_folder.Path, "jobs.yaml");
        await File.WriteAllTextAsync(jobs, "periodics:\n- name: heartbeat\n  interval: 2s\n  spec: {containers: [{image: alpine, command: [\"true\"]}]}\n");
        ProwOptions Configure(ProwOptions o) => o with { JobConfigPath = jobs, PeriodicTick = TimeSpan.FromMilliseconds(200) };

        await using (var first = await InProcessProw.StartAsync(_folder.Path, Configure))
        {
            await WaitForRunsAsync(first, 2);
        }

        await using var second = await InProcessProw.StartAsync(_folder.Path, Configure);
        var runs = await WaitForRunsAsync(second, 3);

        Assert.Equal(runs.Count, runs.Select(r => r.Id).Distinct().Count());
        var starts = runs.Select(r => r.Status.StartTime).Order().ToList();
        for (var i = 1; i < starts.Count; i++)
        {
            Assert.True(starts[i] - starts[i - 1] >= TimeSpan.FromSeconds(1.9), $"runs {i - 1} and {i} started {(starts[i] - starts[i - 1]).TotalSeconds:F2} s apart");
        }

        Assert.All(runs.Take(2), r => Assert.Equal(ProwJobState.Success, r.Status.State));
        Assert.Equal("periodic", runs[0].Spec.Type);
    }

    [Fact]
    public async Task SlotMissedWhileDown_RunsOnceWhenProwStarts_AndNeverTwice()
    {
        // Orleans skips reminder slots missed while the silo was down and ticks first a period after registering;
        // horologium runs a missed slot as soon as it starts. The tick here is long, so only the start can run it.
        var jobs = Path.Combine(_folder.Path, "jobs.yaml");
        await File.WriteAllTextAsync(jobs, "periodics:\n- name: heartbeat\n  interval: 2s\n  spec: {containers: [{image: alpine, command: [\"true\"]}]}\n");
        ProwOptions Configure(ProwOptions o) => o with { JobConfigPath = jobs, PeriodicTick = TimeSpan.FromHours(1) };

        await using (var first = await InProcessProw.StartAsync(_folder.Path, Configure))
        {
            var run = Assert.Single(await WaitForRunsAsync(first, 1));
            await Poll.UntilAsync(async () => await first.Grains.GetGrain<IProwJobGrain>(run.Id).GetAsync() is { Status.Complete: true });
        }

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await using (var second = await InProcessProw.StartAsync(_folder.Path, Configure))
        {
            var runs = await WaitForRunsAsync(second, 2);
            await Poll.UntilAsync(async () => await second.Grains.GetGrain<IProwJobGrain>(runs[1].Id).GetAsync() is { Status.Complete: true });
        }

        // Started again within the interval: the slot already ran, so nothing runs.
        await using var third = await InProcessProw.StartAsync(_folder.Path, Configure);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await third.Grains.GetGrain<IPeriodicJobGrain>("heartbeat").GetAsync()).RunIds.Count);
    }

    private static async Task<List<ProwJob>> WaitForRunsAsync(InProcessProw prow, int count)
    {
        var grain = prow.Grains.GetGrain<IPeriodicJobGrain>("heartbeat");
        for (var i = 0; i < 600; i++)
        {
            var view = await grain.GetAsync();
            if (view.RunIds.Count >= count)
            {
                var jobs = await Task.WhenAll(view.RunIds.Select(id => prow.Grains.GetGrain<IProwJobGrain>(id).GetAsync()));
                if (jobs.Take(count - 1).All(j => j is { Status.Complete: true }))
                {
                    return [.. jobs.OfType<ProwJob>()];
                }
            }

            await Task.Delay(50);
        }

        Assert.Fail($"the periodic did not reach {count} runs in 30 s");
        return [];
    }
}
