using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Prow.Services.Artifacts;
using Prow.TestKit;
using Prow.TestKit.Kubernetes;
using Prow.TestKit.ObjectStorage;

namespace Prow.Silo.Tests;

/// <summary><c>--artifacts s3://bucket/prefix</c>: jobs on a Kubernetes cluster and the local one write their artifacts to an S3-shaped server, and they read back.</summary>
[Collection(HeavyTests.Name)]
public sealed class S3ArtifactsEndToEndTests
{
    [Fact]
    public async Task Jobs_WriteArtifactsToS3_AndTheyReadBackThroughTheStore()
    {
        using var scratch = new TempFolder();
        await using var s3 = await FakeS3Server.StartAsync("prow-key");
        s3.CreateBucket("prow-artifacts");
        var credentials = Path.Combine(scratch.Path, "s3.json");
        await File.WriteAllTextAsync(credentials, $$"""
            {"region": "us-east-1", "endpoint": "{{s3.BaseAddress.Authority}}", "insecure": true, "s3_force_path_style": true, "access_key": "prow-key", "secret_key": "prow-secret"}
            """);
        await using var cluster = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { RequiredToken = "t" });
        var kubeconfig = FakeKubeconfig.Write(Path.Combine(scratch.Path, "kubeconfig"), ("k8s", cluster));
        await using var host = await PluginTestHost.StartAsync(
            """
            postsubmits:
              org/repo:
              - name: remote
                cluster: k8s
                spec: {containers: [{image: alpine, command: [sh, -c, "echo remote log for $PULL_BASE_SHA"]}]}
              - name: here
                spec: {containers: [{image: alpine, command: [sh, -c, "echo local log for $PULL_BASE_SHA; mkdir -p $ARTIFACTS/junit; echo '<testsuite/>' > $ARTIFACTS/junit/report.xml"]}]}
            """,
            "trigger",
            configure: o => o with { Artifacts = "s3://prow-artifacts/ci", S3CredentialsFile = credentials, Workspaces = Path.Combine(scratch.Path, "workspaces"), Kubeconfigs = [kubeconfig], KubernetesRetryInterval = TimeSpan.FromMilliseconds(200) });

        await host.SendAsync("push", Webhooks.Push(PluginTestHost.Repo, "main", "s3sha"));
        await host.WaitForStatusesAsync("s3sha", ["remote", "here"], "success");

        var store = host.Prow.Services.GetRequiredService<IArtifactStore>();
        Assert.IsType<S3ArtifactStore>(store);
        foreach (var (job, text) in new[] { ("remote", "remote log for s3sha"), ("here", "local log for s3sha") })
        {
            var build = Encoding.UTF8.GetString((await ReadEventuallyAsync(store, $"logs/{job}/latest-build.txt"))!).Trim();
            Assert.Contains(text, Encoding.UTF8.GetString((await store.ReadAsync($"logs/{job}/{build}/build-log.txt", CancellationToken.None))!), StringComparison.Ordinal);
            string[] written = job == "here" ? ["artifacts", "build-log.txt", "finished.json", "prowjob.json", "started.json"] : ["build-log.txt", "finished.json", "prowjob.json", "started.json"];
            Assert.Equal(written, await store.ListAsync($"logs/{job}/{build}", CancellationToken.None));
            Assert.NotNull(s3.ObjectBytes("prow-artifacts", $"ci/logs/{job}/{build}/finished.json"));
        }

        // What the local job wrote to $ARTIFACTS went to the bucket too, and its staging copy is gone.
        var localBuild = Encoding.UTF8.GetString((await store.ReadAsync("logs/here/latest-build.txt", CancellationToken.None))!).Trim();
        Assert.Equal("<testsuite/>", Encoding.UTF8.GetString((await store.ReadAsync($"logs/here/{localBuild}/artifacts/junit/report.xml", CancellationToken.None))!).Trim());
        var localId = StatusLinks.JobId(host.GitHub.StatusesFor(PluginTestHost.Repo, "s3sha").First(s => s.Context == "here").TargetUrl!);
        Assert.True(File.Exists(Path.Combine(scratch.Path, "workspaces", "logs", localId, "build-log.txt")), "the build log is not where the staged artifacts are expected beside it");
        Assert.False(Directory.Exists(Path.Combine(scratch.Path, "workspaces", "logs", localId, "artifacts")), "the staged artifacts were left behind");

        // The status site serves the log from the bucket too.
        var url = host.GitHub.StatusesFor(PluginTestHost.Repo, "s3sha").First(s => s.Context == "remote").TargetUrl!;
        var id = StatusLinks.JobId(url);
        Assert.Contains("remote log for s3sha", await host.Prow.Client.GetStringAsync($"/artifact?prowjob={Uri.EscapeDataString(id)}&name=build-log.txt"), StringComparison.Ordinal);

        Assert.Equal(["here", "remote"], await store.ListAsync("logs", CancellationToken.None));
        Assert.Null(await store.ReadAsync("logs/nothing-here.txt", CancellationToken.None));
        Assert.DoesNotContain(s3.Keys("prow-artifacts"), k => !k.StartsWith("ci/", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(host.Prow.Folder, "artifacts")));
    }

    /// <summary>latest-build.txt is written last, after the commit status; poll for it.</summary>
    private static async Task<byte[]?> ReadEventuallyAsync(IArtifactStore store, string path)
    {
        byte[]? found = null;
        await Poll.UntilAsync(async () => (found = await store.ReadAsync(path, CancellationToken.None)) is not null);
        return found;
    }
}
