using Microsoft.Extensions.DependencyInjection;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Grains.ProwJobs;
using Prow.Services.Configuration;
using Prow.Silo.Hosting;
using Prow.TestKit;
using Prow.TestKit.Kubernetes;

namespace Prow.Silo.Tests;

/// <summary>
/// Plank's limits across build clusters, through the real host: jobs on a Kubernetes-shaped cluster (fake API server
/// on loopback) and on the local cluster share a job's max_concurrency, a job queue's capacity and plank's
/// max_concurrency; a job that must wait stays triggered, says why, and starts when a slot frees, oldest first.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class JobAdmissionTests : IAsyncLifetime
{
    private readonly TempFolder _scratch = new();
    private FakeKubernetesServer _alpha = null!;

    private string Ledger => Path.Combine(_scratch.Path, "ledger");

    private string Release => Path.Combine(_scratch.Path, "release");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Release);
        _alpha = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { RequiredToken = "alpha-token" });
    }

    public async Task DisposeAsync()
    {
        await _alpha.DisposeAsync();
        _scratch.Dispose();
    }

    [Fact]
    public async Task JobMaxConcurrency_IsCountedAcrossClusters()
    {
        await using var host = await StartAsync(Job("build", "max_concurrency: 1"));

        var onAlpha = await CreateAsync(host, "build", "alpha", "build-on-alpha", second: 1);
        await StartedAsync(onAlpha);
        var onLocal = await CreateAsync(host, "build", "default", "build-on-local", second: 2);
        await WaitingAsync(host, onLocal, "Waiting: max_concurrency 1 of build reached.");

        await FinishAsync(host, onAlpha);
        await StartedAsync(onLocal);
        await FinishAsync(host, onLocal);
        Assert.Equal([onAlpha, onLocal], await StartsAsync());
    }

    [Fact]
    public async Task JobQueueCapacity_HoldsTheQueueAcrossClustersAndNames_StartingTheOldestFirst()
    {
        await using var host = await StartAsync(
            Job("lint", "job_queue_name: shared") + Job("unit", "job_queue_name: shared") + Job("e2e", "job_queue_name: shared"),
            "plank:\n  job_queue_capacities:\n    shared: 1\n");

        var first = await CreateAsync(host, "lint", "alpha", "lint-1", second: 1);
        await StartedAsync(first);
        // Asked for in the other order than created: the older one starts first when the queue frees.
        var younger = await CreateAsync(host, "e2e", "alpha", "e2e-3", second: 3);
        var older = await CreateAsync(host, "unit", "default", "unit-2", second: 2);
        await WaitingAsync(host, younger, "Waiting: job queue shared is full (1 at once).");
        await WaitingAsync(host, older, "Waiting: job queue shared is full (1 at once).");

        await FinishAsync(host, first);
        await StartedAsync(older);
        await WaitingAsync(host, younger, "Waiting: job queue shared is full (1 at once).");
        await FinishAsync(host, older);
        await StartedAsync(younger);
        await FinishAsync(host, younger);
        Assert.Equal([first, older, younger], await StartsAsync());
    }

    [Fact]
    public async Task PlankMaxConcurrency_HoldsEveryJobOnEveryCluster()
    {
        await using var host = await StartAsync(Job("lint", "") + Job("unit", ""), "plank:\n  max_concurrency: 1\n");

        var first = await CreateAsync(host, "lint", "default", "lint-1", second: 1);
        await StartedAsync(first);
        var second = await CreateAsync(host, "unit", "alpha", "unit-2", second: 2);
        await WaitingAsync(host, second, "Waiting: plank's max_concurrency 1 reached.");

        await FinishAsync(host, first);
        await StartedAsync(second);
        await FinishAsync(host, second);
        var admission = await host.Prow.Grains.GetGrain<IJobAdmissionGrain>(IJobAdmissionGrain.Key).GetAsync();
        Assert.Empty(admission.Admitted);
        Assert.Empty(admission.Waiting);
    }

    private string Job(string name, string limits) => $$"""
          - name: {{name}}
            {{limits}}
            spec: {containers: [{image: alpine, command: [sh, -c, "echo $PROW_JOB_ID >> {{Ledger}}; while [ ! -f {{Release}}/$PROW_JOB_ID ]; do sleep 0.1; done"]}]}

        """;

    private async Task<PluginTestHost> StartAsync(string jobs, string? config = null)
    {
        var kubeconfig = FakeKubeconfig.Write(Path.Combine(_scratch.Path, "kubeconfig"), ("alpha", _alpha));
        return await PluginTestHost.StartAsync(
            "postsubmits:\n  org/repo:\n" + jobs,
            "trigger",
            configYaml: config,
            configure: o => o with { Kubeconfigs = [kubeconfig], KubernetesRetryInterval = TimeSpan.FromMilliseconds(200) });
    }

    /// <summary>A postsubmit's ProwJob on the given cluster, created <paramref name="second"/> seconds into the test's day.</summary>
    private static async Task<string> CreateAsync(PluginTestHost host, string name, string cluster, string id, int second)
    {
        var config = host.Prow.Services.GetRequiredService<IConfigSource>().Current;
        var created = new DateTimeOffset(2026, 12, 3, 12, 0, second, TimeSpan.Zero);
        var job = ProwJobFactory.Postsubmit(config, config.Jobs.PostsubmitsFor(PluginTestHost.Repo).Single(p => p.Name == name), "org", "repo", "main", $"sha-{id}", id, created);
        job = job with { Spec = job.Spec with { Cluster = cluster } };
        await host.Prow.Grains.GetGrain<IProwJobGrain>(id).CreateAsync(job);
        return id;
    }

    private async Task StartedAsync(string id) => await Poll.UntilAsync(async () => (await StartsAsync()).Contains(id));

    private static async Task WaitingAsync(PluginTestHost host, string id, string reason)
    {
        await Poll.UntilAsync(async () => (await host.Prow.Grains.GetGrain<IProwJobGrain>(id).GetAsync())?.Status.Description == reason);
        Assert.Equal(ProwJobState.Triggered, (await host.Prow.Grains.GetGrain<IProwJobGrain>(id).GetAsync())!.Status.State);
    }

    private async Task FinishAsync(PluginTestHost host, string id)
    {
        await File.WriteAllTextAsync(Path.Combine(Release, id), "");
        await Poll.UntilAsync(async () => (await host.Prow.Grains.GetGrain<IProwJobGrain>(id).GetAsync())?.Status.State == ProwJobState.Success);
    }

    private async Task<IReadOnlyList<string>> StartsAsync() =>
        File.Exists(Ledger) ? [.. (await File.ReadAllLinesAsync(Ledger)).Where(l => l.Length > 0)] : [];
}
