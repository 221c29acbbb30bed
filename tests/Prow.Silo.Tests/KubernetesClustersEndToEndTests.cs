using System.Text.Json;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Silo.Hosting;
using Prow.TestKit;
using Prow.TestKit.Kubernetes;

namespace Prow.Silo.Tests;

/// <summary>
/// Jobs spread over two Kubernetes-shaped clusters (fake API servers on loopback whose pods run as local processes)
/// and the local cluster, through the real host: webhook, pods, statuses, logs in the artifacts; and a cluster that
/// stops answering mid-run.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class KubernetesClustersEndToEndTests
{
    [Fact]
    public async Task PullRequest_JobsOnTwoKubernetesClustersAndLocal_CloneMergeRun_StatusesAndLogsReported()
    {
        using var scratch = new TempFolder();
        var git = LocalGitRepository.Create(Path.Combine(scratch.Path, "origin"));
        var head = git.AddPullRequest(1, "feature.txt", "new feature\n");
        await using var alpha = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { RequiredToken = "alpha-token" });
        await using var beta = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { RequiredToken = "beta-token" });
        var kubeconfig = FakeKubeconfig.Write(Path.Combine(scratch.Path, "kubeconfig"), ("alpha", alpha), ("beta", beta));
        await using var host = await PluginTestHost.StartAsync(
            $$"""
            presubmits:
              org/repo:
              - name: on-alpha
                cluster: alpha
                always_run: true
                decorate: true
                clone_uri: {{git.Path}}
                spec:
                  containers:
                  - image: alpine
                    command: [sh, -c]
                    args: ["test -f README.md && test -f feature.txt && echo built $PULL_PULL_SHA on alpha in $(pwd)"]
              - name: on-beta
                cluster: beta
                always_run: true
                decorate: true
                clone_uri: {{git.Path}}
                spec:
                  containers:
                  - image: alpine
                    command: [sh, -c, "test -f feature.txt && echo beta ran; test -f {{Path.Combine(scratch.Path, "fixed")}} || { echo beta fails on purpose; exit 3; }"]
              - name: on-local
                always_run: true
                spec:
                  containers:
                  - image: alpine
                    command: [sh, -c, "echo local ran for PR $PULL_NUMBER"]
            """,
            "trigger",
            configure: OnClusters(kubeconfig));
        host.FakeRepo.WithBranch("main", git.MainSha).AddPullRequest(1, "feature", "alice", head);

        await host.SendAsync("pull_request", Webhooks.PullRequest("opened", PluginTestHost.Repo, 1, "alice", head, baseSha: git.MainSha), pullRequest: 1);
        await host.WaitForStatusesAsync(head, ["on-alpha", "on-local"], "success");
        await host.WaitForStatusesAsync(head, ["on-beta"], "failure");

        Assert.Contains("built " + head + " on alpha in ", await BuildLogAsync(host, "on-alpha"), StringComparison.Ordinal);
        Assert.Contains("src/github.com/org/repo", await BuildLogAsync(host, "on-alpha"), StringComparison.Ordinal);
        Assert.Contains("beta fails on purpose", await BuildLogAsync(host, "on-beta"), StringComparison.Ordinal);
        Assert.Contains("local ran for PR 1", await BuildLogAsync(host, "on-local"), StringComparison.Ordinal);
        Assert.Equal("Job failed (exit 3).", host.GitHub.StatusesFor(PluginTestHost.Repo, head).First(s => s is { Context: "on-beta", State: "failure" }).Description);

        // Each Kubernetes job ran as exactly one pod, on its own cluster, named after the job with Prow's labels.
        var alphaPod = Assert.Single(alpha.PodNames);
        var betaPod = Assert.Single(beta.PodNames);
        Assert.Equal(1, alpha.CreationsOf(alphaPod));
        Assert.Equal(1, beta.CreationsOf(betaPod));
        var labels = alpha.Pod("default", alphaPod)!["metadata"]!["labels"]!;
        Assert.Equal(("true", "on-alpha", alphaPod, "presubmit", "1"), (
            labels["created-by-prow"]!.GetValue<string>(),
            labels["prow.k8s.io/job"]!.GetValue<string>(),
            labels["prow.k8s.io/id"]!.GetValue<string>(),
            labels["prow.k8s.io/type"]!.GetValue<string>(),
            labels["prow.k8s.io/refs.pull"]!.GetValue<string>()));
        var job = await host.Prow.Grains.GetGrain<IProwJobGrain>(alphaPod).GetAsync();
        Assert.Equal(("alpha", alphaPod), (job!.Spec.Cluster, job.Status.PodName));

        // The failure comment names the Kubernetes job; /retest runs only it again, as a new pod on its cluster.
        await Poll.UntilAsync(() => host.GitHub.CommentsOn(PluginTestHost.Repo, 1).Count == 1);
        Assert.Contains("`/test on-beta`", host.GitHub.CommentsOn(PluginTestHost.Repo, 1)[0].Body, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(scratch.Path, "fixed"), "");
        await host.SendAsync("issue_comment", Webhooks.PullRequestComment(PluginTestHost.Repo, 1, "/retest", "alice"), pullRequest: 1);
        await host.WaitForStatusesAsync(head, ["on-beta"], "success");
        await Poll.UntilAsync(() => host.GitHub.CommentsOn(PluginTestHost.Repo, 1).Count == 0);
        Assert.Equal(2, beta.PodNames.Count);
        Assert.Single(alpha.PodNames);
    }

    [Fact]
    public async Task ClusterStopsAnsweringMidRun_JobsWaitWithTheReason_NoJobLostNoneRunTwice()
    {
        using var scratch = new TempFolder();
        var release = Path.Combine(scratch.Path, "release");
        await using var alpha = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { RequiredToken = "alpha-token" });
        var kubeconfig = FakeKubeconfig.Write(Path.Combine(scratch.Path, "kubeconfig"), ("alpha", alpha));
        await using var host = await PluginTestHost.StartAsync(
            $$"""
            postsubmits:
              org/repo:
              - name: long
                cluster: alpha
                spec:
                  containers:
                  - image: alpine
                    command: [sh, -c, "echo started $PULL_BASE_SHA; while [ ! -f {{release}} ]; do sleep 0.1; done; echo finished $PULL_BASE_SHA"]
            """,
            "trigger",
            configure: OnClusters(kubeconfig));

        await host.SendAsync("push", Webhooks.Push(PluginTestHost.Repo, "main", "first"));
        await Poll.UntilAsync(() => alpha.PodNames.Count == 1 && alpha.Pod("default", alpha.PodNames[0])?["status"]?["phase"]?.GetValue<string>() == "Running");
        var firstPod = alpha.PodNames[0];

        // The cluster stops answering while the first job's pod runs.
        alpha.Unreachable = true;
        var cluster = host.Prow.Grains.GetGrain<IBuildClusterGrain>("alpha");
        await Poll.UntilAsync(async () => (await cluster.GetAsync()).UnavailableReason is not null);
        await host.SendAsync("push", Webhooks.Push(PluginTestHost.Repo, "main", "second"));
        await Poll.UntilAsync(() => host.GitHub.StatusesFor(PluginTestHost.Repo, "second").Any(s => s.State == "pending"));
        var waiting = await WaitForJobAsync(host, "second", j => j.Status.Description?.Contains("unreachable", StringComparison.Ordinal) == true);
        Assert.Equal(ProwJobState.Triggered, waiting.Status.State);
        Assert.StartsWith("Build cluster alpha is unreachable", waiting.Status.Description, StringComparison.Ordinal);

        // The first pod finishes while nobody can see it; then the cluster answers again.
        await File.WriteAllTextAsync(release, "");
        await Poll.UntilAsync(() => alpha.Pod("default", firstPod)?["status"]?["phase"]?.GetValue<string>() == "Succeeded");
        alpha.Unreachable = false;

        await host.WaitForStatusesAsync("first", ["long"], "success");
        await host.WaitForStatusesAsync("second", ["long"], "success");
        Assert.Equal(2, alpha.PodNames.Count);
        Assert.All(alpha.PodNames, pod => Assert.Equal(1, alpha.CreationsOf(pod)));
        Assert.Contains("finished first", await BuildLogAsync(host, "long", "first"), StringComparison.Ordinal);
        Assert.Contains("finished second", await BuildLogAsync(host, "long", "second"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PodNoNodeTakes_EndsAsErrorAfterPlanksPodUnscheduledTimeout_AndItsSlotGoesToTheNextRun()
    {
        using var scratch = new TempFolder();
        await using var alpha = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { RequiredToken = "a" });
        var kubeconfig = FakeKubeconfig.Write(Path.Combine(scratch.Path, "kubeconfig"), ("alpha", alpha));
        var config = Path.Combine(scratch.Path, "config.yaml");
        await File.WriteAllTextAsync(config, "plank:\n  pod_unscheduled_timeout: 5s\n");
        await using var host = await PluginTestHost.StartAsync(
            """
            postsubmits:
              org/repo:
              - name: on-s390x
                cluster: alpha
                max_concurrency: 1
                spec:
                  nodeSelector: {kubernetes.io/arch: s390x}
                  containers: [{image: alpine, command: [sh, -c, "echo never runs"]}]
            """,
            "trigger",
            configure: o => OnClusters(kubeconfig)(o) with { ConfigPath = config });

        // No node is s390x: the first run's pod stays unscheduled, and the second run waits for the only slot.
        await host.SendAsync("push", Webhooks.Push(PluginTestHost.Repo, "main", "first"));
        await Poll.UntilAsync(() => alpha.PodNames.Count == 1);
        var firstPod = alpha.PodNames[0];
        await host.SendAsync("push", Webhooks.Push(PluginTestHost.Repo, "main", "second"));
        var waiting = await WaitForJobAsync(host, "second", j => j.Status.Description?.Contains("max_concurrency 1", StringComparison.Ordinal) == true);
        Assert.Equal(ProwJobState.Triggered, waiting.Status.State);

        await host.WaitForStatusesAsync("first", ["on-s390x"], "error");
        Assert.Equal("Pod scheduling timeout.", host.GitHub.StatusesFor(PluginTestHost.Repo, "first").First(s => s.State == "error").Description);

        // Its slot went to the second run, whose pod was created and met the same end; both pods are gone.
        var second = await WaitForJobAsync(host, "second", j => j.Status.Complete);
        Assert.Equal((ProwJobState.Error, "Pod scheduling timeout."), (second.Status.State, second.Status.Description));
        Assert.NotNull(second.Status.PendingTime);
        await Poll.UntilAsync(() => alpha.PodNames.Count == 0);
        Assert.Equal(1, alpha.CreationsOf(firstPod));
    }

    [Fact]
    public async Task DefaultClusterAndPool_JobsAvoidTheMemberThatDoesNotAnswer_MetricsPerCluster()
    {
        using var scratch = new TempFolder();
        await using var alpha = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { RequiredToken = "a" });
        await using var beta = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { RequiredToken = "b" });
        var kubeconfig = FakeKubeconfig.Write(Path.Combine(scratch.Path, "kubeconfig"), ("alpha", alpha), ("beta", beta));
        alpha.Unreachable = true;
        await using var host = await PluginTestHost.StartAsync(
            """
            postsubmits:
              org/repo:
              - name: plain
                spec: {containers: [{image: alpine, command: [sh, -c, "echo plain"]}]}
              - name: pooled
                cluster: any
                spec: {containers: [{image: alpine, command: [sh, -c, "echo pooled"]}]}
              - name: here
                cluster: local
                spec: {containers: [{image: alpine, command: [sh, -c, "echo here"]}]}
            """,
            "trigger",
            configure: o => o with
            {
                Kubeconfigs = [kubeconfig],
                DefaultCluster = "beta",
                ClusterPools = new Dictionary<string, IReadOnlyList<string>> { ["any"] = ["alpha", "beta"] },
                KubernetesRetryInterval = TimeSpan.FromMilliseconds(200),
            });
        var alphaGrain = host.Prow.Grains.GetGrain<IBuildClusterGrain>("alpha");
        await Poll.UntilAsync(async () => (await alphaGrain.GetAsync()).UnavailableReason is not null);

        await host.SendAsync("push", Webhooks.Push(PluginTestHost.Repo, "main", "poolsha"));
        await host.WaitForStatusesAsync("poolsha", ["plain", "pooled", "here"], "success");

        Assert.Empty(alpha.PodNames);
        Assert.Equal(2, beta.PodNames.Count);
        var pooled = await WaitForJobAsync(host, "poolsha", j => j.Spec.Job == "pooled", context: "pooled");
        Assert.Equal(("beta", "any"), (pooled.Spec.Cluster, pooled.Metadata.Annotations["prow-orleans/cluster-pool"]));
        var plain = await WaitForJobAsync(host, "poolsha", j => j.Spec.Job == "plain", context: "plain");
        Assert.Equal(("beta", "default"), (plain.Spec.Cluster, plain.Metadata.Annotations["prow-orleans/cluster-pool"]));
        Assert.Contains("here", await BuildLogAsync(host, "here", "poolsha"), StringComparison.Ordinal);

        var metrics = await host.Prow.Client.GetStringAsync("/metrics");
        Assert.Contains("prow_build_cluster_api_errors{cluster=\"alpha\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("prow_build_cluster_running_jobs{cluster=\"beta\"} 0", metrics, StringComparison.Ordinal);
        Assert.Contains("prow_build_cluster_queued_jobs{cluster=\"local\"} 0", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sinker_DeletesFinishedPods_AndAJobOnAnUnknownClusterEndsAsAClearError()
    {
        using var scratch = new TempFolder();
        await using var alpha = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { RequiredToken = "a" });
        var kubeconfig = FakeKubeconfig.Write(Path.Combine(scratch.Path, "kubeconfig"), ("alpha", alpha));
        var config = Path.Combine(scratch.Path, "config.yaml");
        await File.WriteAllTextAsync(config, "sinker:\n  max_pod_age: 1s\n");
        await using var host = await PluginTestHost.StartAsync(
            """
            postsubmits:
              org/repo:
              - name: quick
                cluster: alpha
                spec: {containers: [{image: alpine, command: ["true"]}]}
              - name: astray
                cluster: nowhere
                spec: {containers: [{image: alpine, command: ["true"]}]}
            """,
            "trigger",
            configure: o => OnClusters(kubeconfig)(o) with { ConfigPath = config });

        await host.SendAsync("push", Webhooks.Push(PluginTestHost.Repo, "main", "sinksha"));
        await host.WaitForStatusesAsync("sinksha", ["quick"], "success");
        await host.WaitForStatusesAsync("sinksha", ["astray"], "error");

        Assert.Equal("Unknown build cluster 'nowhere'; this silo has: alpha, default.", host.GitHub.StatusesFor(PluginTestHost.Repo, "sinksha").First(s => s.State == "error").Description);
        var pod = Assert.Single(alpha.PodNames);
        var sinker = host.Prow.Grains.GetGrain<ISinkerGrain>("sinker");
        // Polled on the pods, not on a pass's count: the sinker's own reminder may run a pass too.
        await Poll.UntilAsync(async () =>
        {
            await sinker.CleanAsync();
            return alpha.PodNames.Count == 0;
        });
        Assert.Null(alpha.Pod("default", pod));
        Assert.Contains(alpha.Calls, c => c == $"DELETE /api/v1/namespaces/default/pods/{pod}");
    }

    private static Func<ProwOptions, ProwOptions> OnClusters(string kubeconfig) =>
        o => o with { Kubeconfigs = [kubeconfig], KubernetesRetryInterval = TimeSpan.FromMilliseconds(200) };

    private static async Task<ProwJob> WaitForJobAsync(PluginTestHost host, string sha, Func<ProwJob, bool> condition, string? context = null)
    {
        ProwJob? found = null;
        await Poll.UntilAsync(async () =>
        {
            var url = host.GitHub.StatusesFor(PluginTestHost.Repo, sha).Where(s => context is null || s.Context == context).Select(s => s.TargetUrl).FirstOrDefault(u => u is not null);
            if (url is null)
            {
                return false;
            }

            var id = StatusLinks.JobId(url);
            found = await host.Prow.Grains.GetGrain<IProwJobGrain>(id).GetAsync();
            return found is not null && condition(found);
        });
        return found!;
    }

    /// <summary>The build log of the job's latest build, or of the build whose prowjob.json names <paramref name="sha"/>.</summary>
    private static async Task<string> BuildLogAsync(PluginTestHost host, string job, string? sha = null)
    {
        var folder = sha is null
            ? Path.Combine(host.Prow.Folder, "artifacts", "pr-logs", "pull", "org_repo", "1", job)
            : Path.Combine(host.Prow.Folder, "artifacts", "logs", job);
        await Poll.UntilAsync(() => File.Exists(Path.Combine(folder, "latest-build.txt")));
        foreach (var build in Directory.EnumerateDirectories(folder))
        {
            var prowjob = Path.Combine(build, "prowjob.json");
            if (sha is null || (File.Exists(prowjob) && JsonDocument.Parse(await File.ReadAllTextAsync(prowjob)).RootElement.GetProperty("spec").GetProperty("refs").GetProperty("base_sha").GetString() == sha))
            {
                return await File.ReadAllTextAsync(Path.Combine(build, "build-log.txt"));
            }
        }

        throw new InvalidOperationException($"no build of {job} for {sha}");
    }
}
