using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Prow.Services.Artifacts;
using Prow.TestKit;
using Prow.TestKit.Kubernetes;
using Prow.TestKit.ObjectStorage;

namespace Prow.Silo.Tests;

/// <summary>
/// <c>--artifacts gs://bucket/prefix</c> with <c>--gcs-credentials-file</c>: jobs write to the fake GCS JSON API in the
/// bucket and under the path their <c>gcs_configuration</c> gives, commit statuses link to Prow's address for them,
/// and the site serves that address and the logs.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class GcsArtifactsEndToEndTests
{
    [Fact]
    public async Task Jobs_WriteToTheirGcsBucketInProwsLayout_LinksAreProws_AndTheSiteFollowsThem()
    {
        using var scratch = new TempFolder();
        await using var gcs = await FakeGcsServer.StartAsync();
        gcs.CreateBucket("prow-artifacts");
        gcs.CreateBucket("ci-logs");
        var key = gcs.WriteServiceAccountKey(Path.Combine(scratch.Path, "service-account.json"));
        await using var cluster = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { RequiredToken = "t" });
        var kubeconfig = FakeKubeconfig.Write(Path.Combine(scratch.Path, "kubeconfig"), ("k8s", cluster));
        await using var host = await PluginTestHost.StartAsync(
            """
            presubmits:
              org/repo:
              - name: unit
                always_run: true
                decorate: true
                decoration_config: {skip_cloning: true}
                spec: {containers: [{image: alpine, command: [sh, -c, "echo unit log for $PULL_NUMBER; echo '<testsuite/>' > $ARTIFACTS/junit_unit.xml"]}]}
            postsubmits:
              org/repo:
              - name: remote
                cluster: k8s
                spec: {containers: [{image: alpine, command: [sh, -c, "echo remote log for $PULL_BASE_SHA"]}]}
            """,
            "trigger",
            configYaml: """
                plank:
                  job_url_prefix_config:
                    '*': https://prow.example/view/
                  default_decoration_configs:
                  - config:
                      utility_images: {clonerefs: "gcr.io/k8s-prow/clonerefs:v1", initupload: "gcr.io/k8s-prow/initupload:v1", entrypoint: "gcr.io/k8s-prow/entrypoint:v1", sidecar: "gcr.io/k8s-prow/sidecar:v1"}
                      gcs_configuration: {bucket: "gs://ci-logs", path_strategy: legacy, default_org: org, default_repo: repo}
                """,
            configure: o => o with { Artifacts = "gs://prow-artifacts/ci", GcsCredentialsFile = key, GcsEndpoint = gcs.BaseAddress, Workspaces = Path.Combine(scratch.Path, "workspaces"), Kubeconfigs = [kubeconfig], KubernetesRetryInterval = TimeSpan.FromMilliseconds(200) });
        Assert.IsType<GcsArtifactStore>(host.Prow.Services.GetRequiredService<IArtifactStore>());

        // A decorated presubmit: the legacy strategy leaves the default repository out of the path, in the job's bucket.
        host.FakeRepo.AddPullRequest(1, "feature", "alice", "prsha");
        await host.SendAsync("pull_request", Webhooks.PullRequest("opened", PluginTestHost.Repo, 1, "alice", "prsha"), pullRequest: 1);
        await host.WaitForStatusesAsync("prsha", ["unit"], "success");
        await Poll.UntilAsync(() => gcs.ObjectBytes("ci-logs", "ci/pr-logs/directory/unit/latest-build.txt") is not null);
        var build = Encoding.UTF8.GetString(gcs.ObjectBytes("ci-logs", "ci/pr-logs/directory/unit/latest-build.txt")!);
        var folder = $"pr-logs/pull/1/unit/{build}";

        // Crier reports the final status on its own path, so it can reach GitHub before the last artifacts are uploaded.
        await Poll.UntilAsync(() => new[] { "build-log.txt", "artifacts/junit_unit.xml", "started.json", "finished.json", "prowjob.json" }.All(f => gcs.ObjectBytes("ci-logs", $"ci/{folder}/{f}") is not null)
            && gcs.ObjectBytes("ci-logs", "ci/pr-logs/pull/1/unit/latest-build.txt") is not null && gcs.ObjectBytes("ci-logs", $"ci/pr-logs/directory/unit/{build}.txt") is not null);
        Assert.Contains("unit log for 1", Encoding.UTF8.GetString(gcs.ObjectBytes("ci-logs", $"ci/{folder}/build-log.txt")!), StringComparison.Ordinal);
        Assert.Equal("<testsuite/>", Encoding.UTF8.GetString(gcs.ObjectBytes("ci-logs", $"ci/{folder}/artifacts/junit_unit.xml")!).Trim());
        Assert.Equal(build, Encoding.UTF8.GetString(gcs.ObjectBytes("ci-logs", "ci/pr-logs/pull/1/unit/latest-build.txt")!));
        Assert.Equal($"gs://ci-logs/ci/{folder}", Encoding.UTF8.GetString(gcs.ObjectBytes("ci-logs", $"ci/pr-logs/directory/unit/{build}.txt")!));
        foreach (var file in new[] { "started.json", "finished.json", "prowjob.json" })
        {
            Assert.NotNull(gcs.ObjectBytes("ci-logs", $"ci/{folder}/{file}"));
        }

        // Its status links to Prow's address; the site serves that address as the job's page, with its log.
        var link = host.GitHub.StatusesFor(PluginTestHost.Repo, "prsha").Single(s => s.Context == "unit" && s.State == "success").TargetUrl!;
        Assert.Equal($"https://prow.example/view/gs/ci-logs/{folder}", link);
        using var page = await host.Prow.Client.GetAsync(new Uri(link).AbsolutePath);
        page.EnsureSuccessStatusCode();
        var id = Uri.UnescapeDataString(page.RequestMessage!.RequestUri!.AbsolutePath["/view/".Length..]);
        Assert.Equal("unit", (await host.Prow.Grains.GetGrain<Prow.GrainInterfaces.ProwJobs.IProwJobGrain>(id).GetAsync())?.Spec.Job);
        Assert.Contains("unit log for 1", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await host.Prow.Client.GetAsync("/view/gs/ci-logs/pr-logs/pull/1/unit/999")).StatusCode);

        // An undecorated job on a Kubernetes cluster: no gcs_configuration, so the --artifacts bucket, explicit layout.
        await host.SendAsync("push", Webhooks.Push(PluginTestHost.Repo, "main", "pushsha"));
        await host.WaitForStatusesAsync("pushsha", ["remote"], "success");
        await Poll.UntilAsync(() => gcs.ObjectBytes("prow-artifacts", "ci/logs/remote/latest-build.txt") is not null);
        var remoteBuild = Encoding.UTF8.GetString(gcs.ObjectBytes("prow-artifacts", "ci/logs/remote/latest-build.txt")!);
        Assert.Contains("remote log for pushsha", Encoding.UTF8.GetString(gcs.ObjectBytes("prow-artifacts", $"ci/logs/remote/{remoteBuild}/build-log.txt")!), StringComparison.Ordinal);
        var remoteLink = host.GitHub.StatusesFor(PluginTestHost.Repo, "pushsha").Single(s => s.State == "success").TargetUrl!;
        Assert.StartsWith("https://prow.example/view/", remoteLink, StringComparison.Ordinal);
        Assert.Contains("remote log for pushsha", await host.Prow.Client.GetStringAsync($"/artifact?prowjob={Uri.EscapeDataString(StatusLinks.JobId(remoteLink))}&name=build-log.txt"), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(host.Prow.Folder, "artifacts")));
    }
}
