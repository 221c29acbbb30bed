using System.Net;
using Prow.FakeGitHub;
using Prow.TestKit;
using Prow.TestKit.Kubernetes;

namespace Prow.Silo.Tests;

/// <summary>prow killed while a job's pod runs on a Kubernetes cluster: after the restart the pod is followed again, not lost and not run twice.</summary>
[Collection(HeavyTests.Name)]
public sealed class KubernetesCrashRecoveryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task KilledWhileAPodRuns_TheRestartedProwFollowsThePod_ItRunsOnceAndSucceeds()
    {
        await using var gitHub = await FakeGitHubServer.StartAsync();
        gitHub.State.AddRepo("org/repo");
        await using var cluster = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { RequiredToken = "k" });
        var kubeconfig = FakeKubeconfig.Write(Path.Combine(_folder.Path, "kubeconfig"), ("remote", cluster));
        var release = Path.Combine(_folder.Path, "release");
        var jobs = Path.Combine(_folder.Path, "jobs.yaml");
        await File.WriteAllTextAsync(jobs, $$"""
            postsubmits:
              org/repo:
              - name: outlives
                cluster: remote
                spec: {containers: [{image: alpine, command: [sh, -c, "echo before; while [ ! -f {{release}} ]; do sleep 0.1; done; echo after"]}]}
            """);
        var plugins = Path.Combine(_folder.Path, "plugins.yaml");
        await File.WriteAllTextAsync(plugins, "plugins:\n  org:\n    plugins: [trigger]\n");
        var token = Path.Combine(_folder.Path, "token");
        await File.WriteAllTextAsync(token, "t");
        string[] args = ["--job-config-path", jobs, "--plugin-config", plugins, "--github-endpoint", gitHub.BaseAddress.ToString(), "--github-token-path", token, "--kubeconfig", kubeconfig];

        await using (var prow = await ProwProcess.StartAsync(_folder.Path, args))
        {
            var response = await prow.Client.SendAsync(Webhooks.Request("push", "push-1", Webhooks.Push("org/repo", "main", "podsha")));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Poll.UntilAsync(() => cluster.PodNames.Count == 1 && cluster.Pod("default", cluster.PodNames[0])?["status"]?["phase"]?.GetValue<string>() == "Running");
            prow.Kill();
            await prow.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        await using var restarted = await ProwProcess.StartAsync(_folder.Path, args);
        await File.WriteAllTextAsync(release, "");
        await Poll.UntilAsync(() => gitHub.StatusesFor("org/repo", "podsha").Any(s => s.State != "pending"));

        var final = Assert.Single(gitHub.StatusesFor("org/repo", "podsha"), s => s.State != "pending");
        Assert.Equal(("success", "Job succeeded."), (final.State, final.Description));
        var pod = Assert.Single(cluster.PodNames);
        Assert.Equal(1, cluster.CreationsOf(pod));
    }
}
