using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Prow.Clients.Kubernetes;
using Prow.Clients.Kubernetes.Config;
using Prow.Config.Components;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Grains.BuildClusters;
using Prow.Grains.BuildClusters.Kubernetes;
using Prow.Services.Configuration;
using Prow.TestKit;
using Prow.TestKit.Kubernetes;

namespace Prow.Grains.Tests.BuildClusters;

/// <summary>The kubernetes cluster kind against a Kubernetes-shaped API server whose pods run as local processes.</summary>
public sealed class KubernetesBuildClusterTests : IAsyncLifetime
{
    private const string Ns = "test-pods";
    private readonly string _logs = Path.Combine(Path.GetTempPath(), "k8s-kind-tests-" + Guid.NewGuid().ToString("N"));
    private FakeKubernetesServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { RequiredToken = "secret", BookmarkInterval = TimeSpan.FromHours(1) });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        if (Directory.Exists(_logs))
        {
            Directory.Delete(_logs, recursive: true);
        }
    }

    [Theory]
    [InlineData("ok-1", 0, ProwJobState.Success, "Job succeeded.")]
    [InlineData("fails-1", 4, ProwJobState.Failure, "Job failed (exit 4).")]
    public async Task PodEnds_JobEndsWithTheExitCode_TheContainersLog_AndProwsEnvironment(string name, int exit, string state, string description)
    {
        using var cluster = Cluster();
        var result = await RunAsync(cluster, Job(name, $"echo hello from $JOB_NAME build $BUILD_ID; exit {exit}"));

        Assert.Equal((state, description, exit), (result.State, result.Description, result.ExitCode));
        Assert.Equal("hello from unit build 7\n", await File.ReadAllTextAsync(result.BuildLogFile!));
        var pod = _server.Pod(Ns, name)!;
        Assert.Equal("Never", pod["spec"]!["restartPolicy"]!.GetValue<string>());
        Assert.Equal("7", pod["metadata"]!["labels"]!["prow.k8s.io/build-id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("oom", ProwJobState.Failure, "Job failed: the container was OOMKilled (exit 137).")]
    [InlineData("delete", ProwJobState.Error, "The pod fault-")]
    public async Task PodEndedByTheCluster_EndsTheJobWithTheReason(string fault, string state, string description)
    {
        using var cluster = Cluster();
        var name = "fault-" + fault;
        var finished = Start(cluster, Job(name, "echo working; sleep 60"));
        await Poll.UntilAsync(() => _server.Pod(Ns, name)?["status"]?["phase"]?.GetValue<string>() == "Running");

        switch (fault)
        {
            case "oom": _server.OomKill(Ns, name); break;
            case "evict": _server.Evict(Ns, name); break;
            default: _server.DeletePod(Ns, name); break;
        }

        var result = await (await finished).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(state, result.State);
        Assert.StartsWith(description, result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PodPendingPastPodPendingTimeout_IsAnError_AndThePodIsDeleted()
    {
        // The job's decoration config (as default_decoration_configs for its cluster would give it) beats plank's global 10m.
        using var cluster = Cluster();
        var job = Job("pull-1", "true");
        job = job with { Spec = job.Spec with { PodSpec = PodSpec("""{"containers":[{"image":"unpullable.invalid/nope","command":["true"]}]}"""), DecorationConfig = Decoration("""{"pod_pending_timeout":"1s"}""") } };

        var result = await RunAsync(cluster, job);

        Assert.Equal(ProwJobState.Error, result.State);
        Assert.StartsWith("Pod pending timeout. ImagePullBackOff", result.Description, StringComparison.Ordinal);
        await Poll.UntilAsync(() => _server.Pod(Ns, "pull-1") is null);
    }

    [Fact]
    public async Task PodNoNodeTakes_PastPlanksPodUnscheduledTimeout_IsAnError_AndThePodIsDeleted()
    {
        using var cluster = Cluster(plank: new PlankConfig { PodUnscheduledTimeout = TimeSpan.FromSeconds(1) });
        var job = Job("s390x-1", "true");
        job = job with { Spec = job.Spec with { PodSpec = PodSpec("""{"nodeSelector":{"kubernetes.io/arch":"s390x"},"containers":[{"image":"alpine","command":["true"]}]}""") } };

        var result = await RunAsync(cluster, job);

        Assert.Equal((ProwJobState.Error, "Pod scheduling timeout."), (result.State, result.Description));
        await Poll.UntilAsync(() => _server.Pod(Ns, "s390x-1") is null);
    }

    [Fact]
    public async Task PodRunningPastPodRunningTimeout_IsAborted_AndThePodIsDeleted()
    {
        using var cluster = Cluster(plank: new PlankConfig { PodRunningTimeout = TimeSpan.FromSeconds(1) });

        var result = await RunAsync(cluster, Job("forever-1", "sleep 60"));

        Assert.Equal((ProwJobState.Aborted, "Pod running timeout."), (result.State, result.Description));
        await Poll.UntilAsync(() => _server.Pod(Ns, "forever-1") is null);
    }

    [Fact]
    public async Task EvictedPod_IsCreatedAgain_UpToMaxRevivals_ThenTheJobErrors()
    {
        using var cluster = Cluster(plank: new PlankConfig { MaxRevivals = 2 });
        const string name = "evicted-1";
        var revivals = new System.Collections.Concurrent.ConcurrentQueue<int>();
        var finished = await Start(cluster, Job(name, "echo working; sleep 60"), revivals);

        for (var creation = 1; creation <= 3; creation++)
        {
            var expected = creation;
            await Poll.UntilAsync(() => _server.CreationsOf(name) == expected && _server.Pod(Ns, name)?["status"]?["phase"]?.GetValue<string>() == "Running");
            Assert.False(finished.IsCompleted);
            _server.Evict(Ns, name);
        }

        var result = await finished.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal((ProwJobState.Error, "Job pod reached max revivals (2) after being stopped unexpectedly (evicted)"), (result.State, result.Description));
        Assert.Equal(3, _server.CreationsOf(name));

        // Each revival was told to the job, which keeps the count in its pod_revival_count.
        Assert.Equal([1, 2], revivals.Order());
    }

    [Fact]
    public async Task EvictedPod_OfAJobRevivedBefore_CountsOnFromItsPodRevivalCount()
    {
        using var cluster = Cluster(plank: new PlankConfig { MaxRevivals = 2 });
        const string name = "evicted-3";
        var job = Job(name, "echo working; sleep 60");
        job = job with { Status = job.Status with { PodRevivalCount = 2 } };
        var finished = await Start(cluster, job);

        await Poll.UntilAsync(() => _server.Pod(Ns, name)?["status"]?["phase"]?.GetValue<string>() == "Running");
        _server.Evict(Ns, name);

        var result = await finished.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal((ProwJobState.Error, "Job pod reached max revivals (2) after being stopped unexpectedly (evicted)"), (result.State, result.Description));
        Assert.Equal(1, _server.CreationsOf(name));
    }

    [Fact]
    public async Task EvictedPod_OfAJobWithErrorOnEviction_ErrorsAtOnce()
    {
        using var cluster = Cluster();
        const string name = "evicted-2";
        var job = Job(name, "echo working; sleep 60");
        var finished = await Start(cluster, job with { Spec = job.Spec with { ErrorOnEviction = true } });
        await Poll.UntilAsync(() => _server.Pod(Ns, name)?["status"]?["phase"]?.GetValue<string>() == "Running");

        _server.Evict(Ns, name);

        var result = await finished.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal((ProwJobState.Error, "Job pod was evicted by the cluster."), (result.State, result.Description));
        Assert.Equal(1, _server.CreationsOf(name));
    }

    [Fact]
    public async Task DecorationTimeout_StopsTheCommandInsideThePod_AndTheJobIsAborted()
    {
        using var cluster = Cluster();
        var job = Job("slow-1", "echo started; sleep 60");
        job = job with { Spec = job.Spec with { DecorationConfig = Decoration("""{"timeout":"1s","grace_period":"1s","skip_cloning":true}""") } };

        var result = await RunAsync(cluster, job);

        Assert.Equal(ProwJobState.Aborted, result.State);
        Assert.StartsWith("Job timed out after", result.Description, StringComparison.Ordinal);
        Assert.Contains("started", await File.ReadAllTextAsync(result.BuildLogFile!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidPod_IsRefusedWithTheApiServersMessage()
    {
        using var cluster = Cluster();

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => cluster.StartAsync(Job("Not_A_Valid_Name", "true"), BuildRunCallbacks.OnFinished(_ => Task.CompletedTask), CancellationToken.None));

        Assert.Equal((System.Net.HttpStatusCode.UnprocessableEntity, "Invalid"), (error.StatusCode, error.Reason));
        Assert.Contains("a lowercase RFC 1123 subdomain", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchFromAVersionTheServerForgot_ListsAgain_AndStillSeesThePodEnd()
    {
        using var cluster = Cluster(o => o with { WatchTimeout = TimeSpan.FromSeconds(1) });
        var release = Path.Combine(Path.GetTempPath(), "release-" + Guid.NewGuid().ToString("N"));
        var finished = Start(cluster, Job("gone-1", $"while [ ! -f {release} ]; do sleep 0.1; done; echo released"));
        await Poll.UntilAsync(() => _server.Pod(Ns, "gone-1")?["status"]?["phase"]?.GetValue<string>() == "Running");
        var listsBefore = Lists();

        // Changes the watcher does not see (another namespace), then the history is compacted past its version.
        using var other = new KubernetesClient(Connection());
        await other.CreatePodAsync("elsewhere", new Clients.Kubernetes.Models.Pod { Metadata = new() { Name = "noise" }, Spec = System.Text.Json.Nodes.JsonNode.Parse("""{"containers":[{"name":"c","image":"x","command":["true"]}]}""")!.AsObject() }, CancellationToken.None);
        await Poll.UntilAsync(() => _server.Pod("elsewhere", "noise")?["status"]?["phase"]?.GetValue<string>() == "Succeeded");
        _server.Compact();

        await Poll.UntilAsync(() => Lists() > listsBefore);
        await File.WriteAllTextAsync(release, "");
        var result = await (await finished).WaitAsync(TimeSpan.FromSeconds(60));
        File.Delete(release);
        Assert.Equal(ProwJobState.Success, result.State);
    }

    [Fact]
    public async Task Sinker_DeletesFinishedPodsItNoLongerFollows()
    {
        using var cluster = Cluster();
        await RunAsync(cluster, Job("done-1", "true"));

        var deleted = 0;
        await Poll.UntilAsync(async () => (deleted += await cluster.DeleteFinishedPodsAsync(TimeSpan.Zero, CancellationToken.None)) == 1);
        Assert.Null(_server.Pod(Ns, "done-1"));
    }

    private int Lists() => _server.Calls.Count(c => c.StartsWith($"GET /api/v1/namespaces/{Ns}/pods?labelSelector", StringComparison.Ordinal));

    private KubernetesClusterConfig Connection() => new() { Name = "unit", Server = new Uri(_server.BaseAddress, "/"), BearerToken = "secret" };

    private KubernetesBuildCluster Cluster(Func<KubernetesBuildClusterOptions, KubernetesBuildClusterOptions>? configure = null, PlankConfig? plank = null)
    {
        var config = new StaticConfigSource(StaticConfigSource.EmptySnapshot with { Prow = new ProwConfig { Plank = plank ?? new PlankConfig() } });
        var options = new KubernetesBuildClusterOptions { Name = "unit", Connection = Connection(), Namespace = Ns, LogFolder = _logs, RetryInterval = TimeSpan.FromMilliseconds(100) };
        options = configure?.Invoke(options) ?? options;
        return new KubernetesBuildCluster(new KubernetesClient(options.Connection), options, new BuildClusterMetrics(new TestMeterFactory()), config, TimeProvider.System, NullLogger<KubernetesBuildCluster>.Instance);
    }

    private static async Task<Task<BuildRunResult>> Start(KubernetesBuildCluster cluster, ProwJob job, System.Collections.Concurrent.ConcurrentQueue<int>? revivals = null)
    {
        var finished = new TaskCompletionSource<BuildRunResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var callbacks = new BuildRunCallbacks(
            r => { finished.TrySetResult(r); return Task.CompletedTask; },
            count => { revivals?.Enqueue(count); return Task.CompletedTask; });
        await cluster.StartAsync(job, callbacks, CancellationToken.None);
        return finished.Task;
    }

    private static async Task<BuildRunResult> RunAsync(KubernetesBuildCluster cluster, ProwJob job) =>
        await (await Start(cluster, job)).WaitAsync(TimeSpan.FromSeconds(60));

    private static ProwJob Job(string id, string command) => new()
    {
        Metadata = new ProwJobMetadata { Name = id, Labels = new Dictionary<string, string> { ["prow.k8s.io/job"] = "unit" } },
        Spec = new ProwJobSpec { Type = ProwJobType.Periodic, Job = "unit", Cluster = "unit", Namespace = Ns, PodSpec = PodSpec($$"""{"containers":[{"image":"alpine","command":["sh","-c",{{JsonSerializer.Serialize(command)}}]}]}""") },
        Status = new ProwJobStatus { State = ProwJobState.Pending, BuildId = "7" },
    };

    private static JsonElement PodSpec(string json) => JsonDocument.Parse(json).RootElement;

    private static JsonElement Decoration(string json) => JsonDocument.Parse(json).RootElement;

    private sealed class TestMeterFactory : IMeterFactory
    {
        public Meter Create(MeterOptions options) => new(options);

        public void Dispose()
        {
        }
    }
}
