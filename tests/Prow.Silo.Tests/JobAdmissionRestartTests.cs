using Microsoft.Extensions.DependencyInjection;
using Prow.FakeGitHub;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Grains.ProwJobs;
using Prow.Services.Configuration;
using Prow.Silo.Hosting;
using Prow.TestKit;
using Prow.TestKit.Kubernetes;

namespace Prow.Silo.Tests;

/// <summary>
/// Plank's admission after a restart: it is derived from the job index, so a pod that outlived prow still holds its
/// queue's slot, and the job waiting behind it keeps waiting until that pod ends.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class JobAdmissionRestartTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Restarted_ARunningPodStillHoldsItsQueue_TheWaitingJobStartsOnlyAfterIt()
    {
        await using var gitHub = await FakeGitHubServer.StartAsync();
        gitHub.State.AddRepo("org/repo");
        await using var alpha = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { RequiredToken = "k" });
        var kubeconfig = FakeKubeconfig.Write(Path.Combine(_folder.Path, "kubeconfig"), ("alpha", alpha));
        var release = Path.Combine(_folder.Path, "release");
        var jobs = Path.Combine(_folder.Path, "jobs.yaml");
        await File.WriteAllTextAsync(jobs, $$"""
            postsubmits:
              org/repo:
              - name: queued
                cluster: alpha
                job_queue_name: one
                spec: {containers: [{image: alpine, command: [sh, -c, "while [ ! -f {{release}}/$PROW_JOB_ID ]; do sleep 0.1; done"]}]}
            """);
        var config = Path.Combine(_folder.Path, "config.yaml");
        await File.WriteAllTextAsync(config, "plank:\n  job_queue_capacities:\n    one: 1\n");
        var token = Path.Combine(_folder.Path, "token");
        await File.WriteAllTextAsync(token, "t");
        Directory.CreateDirectory(release);
        Func<ProwOptions, ProwOptions> options = o => o with
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
            foreach (var (id, second) in new[] { ("first", 1), ("second", 2) })
            {
                var job = ProwJobFactory.Postsubmit(snapshot, snapshot.Jobs.PostsubmitsFor("org/repo")[0], "org", "repo", "main", id, id, new DateTimeOffset(2026, 12, 3, 12, 0, second, TimeSpan.Zero));
                await prow.Grains.GetGrain<IProwJobGrain>(id).CreateAsync(job);
            }

            await Poll.UntilAsync(() => alpha.PodNames.Contains("first"));
            await Poll.UntilAsync(async () => (await prow.Grains.GetGrain<IProwJobGrain>("second").GetAsync())!.Status.Description == "Waiting: job queue one is full (1 at once).");
        }

        await using var restarted = await InProcessProw.StartAsync(_folder.Path, options);
        var admission = restarted.Grains.GetGrain<IJobAdmissionGrain>(IJobAdmissionGrain.Key);
        await Poll.UntilAsync(async () => (await admission.GetAsync()).Waiting.Contains("second"));
        Assert.Equal(["first"], (await admission.GetAsync()).Admitted);
        Assert.DoesNotContain("second", alpha.PodNames);

        await File.WriteAllTextAsync(Path.Combine(release, "first"), "");
        await Poll.UntilAsync(() => alpha.PodNames.Contains("second"));
        await File.WriteAllTextAsync(Path.Combine(release, "second"), "");
        await Poll.UntilAsync(async () => (await restarted.Grains.GetGrain<IProwJobGrain>("second").GetAsync())!.Status.State == ProwJobState.Success);
        Assert.Equal(ProwJobState.Success, (await restarted.Grains.GetGrain<IProwJobGrain>("first").GetAsync())!.Status.State);
    }
}
