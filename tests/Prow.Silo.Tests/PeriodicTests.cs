using Prow.GrainInterfaces.ProwJobs;
using Prow.Silo.Hosting;

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
