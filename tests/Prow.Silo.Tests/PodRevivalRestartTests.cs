using Microsoft.Extensions.DependencyInjection;
using Prow.FakeGitHub;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Grains.ProwJobs;
using Prow.Services.Configuration;
using Prow.Services.JobIndex;
using Prow.TestKit;
using Prow.TestKit.Kubernetes;

namespace Prow.Silo.Tests;

/// <summary>A job's pod_revival_count is kept in its ProwJob: a restart goes on counting toward max_revivals.</summary>
[Collection(HeavyTests.Name)]
public sealed class PodRevivalRestartTests : IDisposable
{
    private const string Id = "revived-1";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task EvictedOnceThenRestarted_TheNextEvictionReachesMaxRevivals()
    {
        await using var gitHub = await FakeGitHubServer.StartAsync();
        gitHub.State.AddRepo("org/repo");
        await using var alpha = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { RequiredToken = "k" });
        var kubeconfig = FakeKubeconfig.Write(Path.Combine(_folder.Path, "kubeconfig"), ("alpha", alpha));
        var jobs = Path.Combine(_folder.Path, "jobs.yaml");
        await File.WriteAllTextAsync(jobs, """
            postsubmits:
              org/repo:
              - name: revived
                cluster: alpha
                spec: {containers: [{image: alpine, command: [sh, -c, "echo working; sleep 120"]}]}
            """);
        var config = Path.Combine(_folder.Path, "config.yaml");
        await File.WriteAllTextAsync(config, "plank:\n  max_revivals: 1\n");
        var token = Path.Combine(_folder.Path, "token");
        await File.WriteAllTextAsync(token, "t");
        Func<Hosting.ProwOptions, Hosting.ProwOptions> options = o => o with
        {
            ConfigPath = config,
            JobConfigPath = jobs,
            GitHubEndpoints = [gitHub.BaseAddress],
            GitHubTokenPath = token,
            Kubeconfigs = [kubeconfig],
            KubernetesRetryInterval = TimeSpan.FromMilliseconds(200),
        };

        await using (var prow = await InProcessProw.StartAsync(_folder.Path, options))
        {
            var snapshot = prow.Services.GetRequiredService<IConfigSource>().Current;
            var job = ProwJobFactory.Postsubmit(snapshot, snapshot.Jobs.PostsubmitsFor("org/repo")[0], "org", "repo", "main", "revsha", Id, DateTimeOffset.UtcNow);
            await prow.Grains.GetGrain<IProwJobGrain>(Id).CreateAsync(job);
            await Poll.UntilAsync(() => Phase(alpha) == "Running");
            alpha.Evict("default", Id);

            await Poll.UntilAsync(() => alpha.CreationsOf(Id) == 2 && Phase(alpha) == "Running");
            await Poll.UntilAsync(async () => (await prow.Grains.GetGrain<IProwJobGrain>(Id).GetAsync())!.Status.PodRevivalCount == 1);
            var indexed = await prow.Services.GetRequiredService<IProwJobIndex>().GetAsync(Id, CancellationToken.None);
            Assert.Equal((ProwJobState.Pending, 1), (indexed!.Status.State, indexed.Status.PodRevivalCount));
        }

        await using var restarted = await InProcessProw.StartAsync(_folder.Path, options);
        // Followed again (the cluster's slot is taken only once the pod is watched), then stopped by the cluster again.
        await Poll.UntilAsync(async () => (await restarted.Grains.GetGrain<IBuildClusterGrain>("alpha").GetAsync()).Running.Contains(Id));
        alpha.Evict("default", Id);

        await Poll.UntilAsync(async () => (await restarted.Grains.GetGrain<IProwJobGrain>(Id).GetAsync())!.Status.Complete);
        var ended = (await restarted.Grains.GetGrain<IProwJobGrain>(Id).GetAsync())!;
        Assert.Equal((ProwJobState.Error, "Job pod reached max revivals (1) after being stopped unexpectedly (evicted)", 1), (ended.Status.State, ended.Status.Description, ended.Status.PodRevivalCount));
        Assert.Equal(2, alpha.CreationsOf(Id));
        var prowJobJson = Directory.EnumerateFiles(Path.Combine(_folder.Path, "artifacts"), "prowjob.json", SearchOption.AllDirectories).Single();
        Assert.Contains("\"pod_revival_count\":1", (await File.ReadAllTextAsync(prowJobJson)).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static string? Phase(FakeKubernetesServer cluster) => cluster.Pod("default", Id)?["status"]?["phase"]?.GetValue<string>();
}
