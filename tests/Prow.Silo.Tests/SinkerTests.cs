using Prow.GrainInterfaces.ProwJobs;
using Prow.Silo.Hosting;

namespace Prow.Silo.Tests;

[Collection(HeavyTests.Name)]
public sealed class SinkerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Sinker_ForgetsOldFinishedJobs_KeepsTheLatestPeriodicRun_AndRemovesStaleWorkspaces()
    {
        var config = Path.Combine(_folder.Path, "config.yaml");
        await File.WriteAllTextAsync(config, "sinker:\n  max_prowjob_age: 1s\n  max_pod_age: 1h\n");
        var jobs = Path.Combine(_folder.Path, "jobs.yaml");
        await File.WriteAllTextAsync(jobs, "periodics:\n- name: nightly\n  interval: 24h\n  spec: {containers: [{image: alpine, command: [\"true\"]}]}\n");
        await using var prow = await InProcessProw.StartAsync(_folder.Path, o => o with { ConfigPath = config, JobConfigPath = jobs, PeriodicTick = TimeSpan.FromMilliseconds(200) });
        var periodic = prow.Grains.GetGrain<IPeriodicJobGrain>("nightly");
        string latest = "";
        for (var i = 0; i < 400 && latest.Length == 0; i++)
        {
            latest = (await periodic.GetAsync()).RunIds is [.., var last] ? last : "";
            await Task.Delay(25);
        }

        var old = (await prow.Grains.GetGrain<IProwJobGrain>(latest).RerunAsync("test")).Id;
        for (var i = 0; i < 400 && await prow.Grains.GetGrain<IProwJobGrain>(old).GetAsync() is not { Status.Complete: true }; i++)
        {
            await Task.Delay(25);
        }

        var stale = Path.Combine(_folder.Path, "workspaces", "crashed-run");
        Directory.CreateDirectory(stale);
        Directory.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-2));
        await Task.Delay(1200);

        var pass = await prow.Grains.GetGrain<ISinkerGrain>("sinker").CleanAsync();

        Assert.Equal((1, 1), (pass.ProwJobsRemoved, pass.WorkspacesRemoved));
        Assert.Null(await prow.Grains.GetGrain<IProwJobGrain>(old).GetAsync());
        Assert.NotNull(await prow.Grains.GetGrain<IProwJobGrain>(latest).GetAsync());
        Assert.False(Directory.Exists(stale));
    }
}
