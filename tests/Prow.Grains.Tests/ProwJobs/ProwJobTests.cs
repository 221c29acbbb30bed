using System.Text.Json;
using Prow.Config;
using Prow.GrainInterfaces;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Grains.ProwJobs;

namespace Prow.Grains.Tests.ProwJobs;

public sealed class ProwJobTests : IDisposable
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);
    private readonly YamlConfig _config = new();

    public void Dispose() => _config.Dispose();

    [Fact]
    public void Presubmit_InProwsShape_WithLabelsAnnotationsRefsAndPodSpec()
    {
        var job = Build("""
            presubmits:
              org/repo:
              - name: pull-repo-unit-tests-with-a-very-long-name-that-does-not-fit-in-a-label
                always_run: true
                optional: true
                decorate: true
                decoration_config: {timeout: 10m}
                labels: {team: infra}
                spec:
                  containers:
                  - image: alpine:3.20
                    command: [sh, -c]
                    args: ["echo hi"]
                    env: [{name: A, value: "1"}]
                    imagePullPolicy: Always
            """, new ProwJobRequest("pull-repo-unit-tests-with-a-very-long-name-that-does-not-fit-in-a-label", "presubmit", "ctx", "org", "repo", "main", "base1", 7, "head1", "alice", "bob", "/retest", s_now));

        var json = JsonDocument.Parse(JsonSerializer.Serialize(job)).RootElement;

        Assert.Equal("prow.k8s.io/v1", json.GetProperty("apiVersion").GetString());
        Assert.Equal("ProwJob", json.GetProperty("kind").GetString());
        var metadata = json.GetProperty("metadata");
        Assert.Equal("job-1", metadata.GetProperty("name").GetString());
        var labels = metadata.GetProperty("labels");
        Assert.Equal("presubmit", labels.GetProperty("prow.k8s.io/type").GetString());
        Assert.Equal(63, labels.GetProperty("prow.k8s.io/job").GetString()!.Length);
        Assert.Equal("pull-repo-unit-tests-with-a-very-long-name-that-does-not-fit-in-a-label", metadata.GetProperty("annotations").GetProperty("prow.k8s.io/job").GetString());
        Assert.Equal(("org", "repo", "main", "7", "true", "true", "infra", "true"), (
            labels.GetProperty("prow.k8s.io/refs.org").GetString(), labels.GetProperty("prow.k8s.io/refs.repo").GetString(),
            labels.GetProperty("prow.k8s.io/refs.base_ref").GetString(), labels.GetProperty("prow.k8s.io/refs.pull").GetString(),
            labels.GetProperty("prow.k8s.io/is-optional").GetString(), labels.GetProperty("created-by-prow").GetString(),
            labels.GetProperty("team").GetString(), labels.GetProperty("prow.k8s.io/retest").GetString()));

        var spec = json.GetProperty("spec");
        Assert.Equal(("presubmit", "default", true, "/test pull-repo-unit-tests-with-a-very-long-name-that-does-not-fit-in-a-label"), (
            spec.GetProperty("type").GetString(), spec.GetProperty("cluster").GetString(), spec.GetProperty("report").GetBoolean(), spec.GetProperty("rerun_command").GetString()));
        var refs = spec.GetProperty("refs");
        Assert.Equal(("main", "base1", 7, "head1", "alice"), (refs.GetProperty("base_ref").GetString(), refs.GetProperty("base_sha").GetString(),
            refs.GetProperty("pulls")[0].GetProperty("number").GetInt32(), refs.GetProperty("pulls")[0].GetProperty("sha").GetString(), refs.GetProperty("pulls")[0].GetProperty("author").GetString()));
        var container = spec.GetProperty("pod_spec").GetProperty("containers")[0];
        Assert.Equal(("alpine:3.20", "sh", "echo hi", "A", "Always"), (container.GetProperty("image").GetString(), container.GetProperty("command")[0].GetString(),
            container.GetProperty("args")[0].GetString(), container.GetProperty("env")[0].GetProperty("name").GetString(), container.GetProperty("imagePullPolicy").GetString()));
        Assert.Equal("10m", spec.GetProperty("decoration_config").GetProperty("timeout").GetString());

        var status = json.GetProperty("status");
        Assert.Equal("triggered", status.GetProperty("state").GetString());
        Assert.True(status.TryGetProperty("startTime", out _));
        Assert.False(status.TryGetProperty("completionTime", out _));
        Assert.Equal("main:base1,7:head1", job.Spec.Refs!.ToString());
    }

    [Fact]
    public void ProwJob_RoundTripsThroughJson()
    {
        var job = Simple();

        var copy = JsonSerializer.Deserialize<ProwJob>(JsonSerializer.Serialize(job))!;

        Assert.Equal(job.Spec.Job, copy.Spec.Job);
        Assert.Equal(job.Metadata.Labels, copy.Metadata.Labels);
        Assert.Equal(job.Spec.Refs!.Pulls[0].Sha, copy.Spec.Refs!.Pulls[0].Sha);
        Assert.Equal(job.Status.StartTime, copy.Status.StartTime);
    }

    [Fact]
    public void StateMachine_TriggeredPendingSuccess_WithTimes()
    {
        var job = Simple();

        var pending = ProwJobStateMachine.Start(job, "pod-1", "1001", "http://prow/view/1001", s_now.AddSeconds(1));
        var done = ProwJobStateMachine.Complete(pending, ProwJobState.Success, "Job succeeded.", s_now.AddSeconds(9));

        Assert.Equal((ProwJobState.Pending, "1001", "pod-1"), (pending.Status.State, pending.Status.BuildId, pending.Status.PodName));
        Assert.Equal((ProwJobState.Success, true, s_now.AddSeconds(9)), (done.Status.State, done.Status.Complete, done.Status.CompletionTime!.Value));
    }

    [Fact]
    public void StateMachine_RefusesIllegalMoves()
    {
        var job = Simple();
        var done = ProwJobStateMachine.Abort(job, "Aborted by trigger plugin.", s_now);

        Assert.Throws<InvalidOperationException>(() => ProwJobStateMachine.Complete(job, ProwJobState.Success, "no", s_now));
        Assert.Throws<InvalidOperationException>(() => ProwJobStateMachine.Start(done, "p", "1", null, s_now));
        Assert.Throws<InvalidOperationException>(() => ProwJobStateMachine.Abort(done, "again", s_now));
        Assert.Throws<ArgumentException>(() => ProwJobStateMachine.Complete(job, ProwJobState.Pending, "no", s_now));
        Assert.Equal("Waiting: max_concurrency 1 reached", ProwJobStateMachine.Wait(job, "Waiting: max_concurrency 1 reached").Status.Description);
    }

    private ProwJob Simple() => Build(
        "presubmits:\n  org/repo:\n  - name: unit\n    always_run: true\n    spec: {containers: [{image: alpine, command: [\"true\"]}]}\n",
        new ProwJobRequest("unit", "presubmit", "unit", "org", "repo", "main", "b", 1, "h", "alice", "alice", "opened", s_now));

    private ProwJob Build(string jobsYaml, ProwJobRequest request)
    {
        var snapshot = _config.Load(null, jobsYaml);
        return ProwJobFactory.Presubmit(snapshot, snapshot.Jobs.PresubmitsFor("org/repo")[0], request, "job-1", s_now);
    }
}
