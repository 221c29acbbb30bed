using System.Text.Json;
using Orleans;
using Orleans.Runtime;
using Prow.GrainInterfaces;
using Prow.GrainInterfaces.ProwJobs;
using Prow.GrainInterfaces.Tide;
using Prow.Grains.ProwJobs;
using Prow.TestKit;

namespace Prow.Silo.Tests;

/// <summary>
/// Every grain interface called with real arguments on a cluster of two silos: what one silo alone would never notice
/// (a type without a codec, a field without an id) fails here on the first call.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class TwoSiloTests
{
    private const string Repo = TwoSiloProw.Repo;

    [Fact]
    public async Task EveryGrainInterface_AnswersAcrossSilos_WithRealArguments()
    {
        await using var prow = await TwoSiloProw.StartAsync(repo =>
        {
            repo.AddPullRequest(1, "a pull request", "alice", "head1").Labels.Add("lgtm");
            repo.AddPullRequest(2, "another", "alice", "head2");
        });
        var grains = prow.Client;
        var (first, second) = (prow.Silos[0], prow.Silos[1]);

        // A ProwJob on one silo and its build cluster on the other: the slot, the run's end and the release cross.
        var cluster = grains.GetGrain<IBuildClusterGrain>("default");
        await TwoSiloProw.OnSiloAsync(first, cluster.GetAsync);
        var job = ProwJobFactory.Presubmit(
            prow.Config,
            prow.Config.Jobs.PresubmitsFor(Repo)[0],
            new ProwJobRequest("unit", ProwJobType.Presubmit, "unit", "org", "repo", "main", "base0000", 2, "head2", "alice", "alice", "/test unit", DateTimeOffset.UtcNow),
            "two-silo-job",
            DateTimeOffset.UtcNow);
        var jobGrain = grains.GetGrain<IProwJobGrain>(job.Id);
        var created = await TwoSiloProw.OnSiloAsync(second, () => jobGrain.CreateAsync(job));
        Assert.Equal(Json(job.Spec), Json(created.Spec));
        var finished = await FinishedAsync(prow, jobGrain);
        Assert.Equal(ProwJobState.Success, finished.Status.State);
        Assert.Equal(Json(job.Metadata.Labels), Json(finished.Metadata.Labels));
        Assert.NotEqual(await prow.SiloOfAsync(cluster), await prow.SiloOfAsync(jobGrain));
        // Crier delivers off the job's path: the final status follows the job's end.
        await Poll.UntilAsync(() => prow.GitHub.StatusesFor(Repo, "head2").Any(s => s is { Context: "unit", State: "success" }), seconds: 30);

        var rerun = await jobGrain.RerunAsync("alice");
        Assert.Equal(Json(job.Spec.PodSpec), Json(rerun.Spec.PodSpec));
        Assert.Equal(ProwJobState.Success, (await FinishedAsync(prow, grains.GetGrain<IProwJobGrain>(rerun.Id))).Status.State);
        await jobGrain.AbortAsync("already finished: nothing to abort");
        var clusterView = await cluster.GetAsync();
        Assert.Equal("default", clusterView.Name);
        Assert.Empty(clusterView.Running);

        // A pull request's webhook: the trigger plugin starts its presubmit; tide merges it once the job succeeds.
        var pullRequest = grains.GetGrain<IPullRequestGrain>($"{Repo}#1");
        var opened = new WebhookDelivery("delivery-1", "pull_request", "opened", DateTimeOffset.UtcNow, Webhooks.PullRequest("opened", Repo, 1, "alice", "head1", labels: ["lgtm"]));
        Assert.True(await TwoSiloProw.OnSiloAsync(first, () => pullRequest.OnWebhookAsync(opened)));
        Assert.False(await pullRequest.OnWebhookAsync(opened));
        var view = await pullRequest.GetAsync();
        Assert.Equal(("head1", "main", "alice", 1L), (view.HeadSha, view.BaseRef, view.Author, view.Deliveries));
        var requested = Assert.Single(view.RequestedJobs);
        Assert.Equal(("unit", 1, "head1", "opened"), (requested.Job, requested.PullNumber, requested.PullSha, requested.Reason));
        await prow.UntilAsync(() => Task.FromResult(prow.GitHub.MergesIn(Repo).Count == 1), "tide's merge");
        Assert.Equal(1, prow.GitHub.MergesIn(Repo)[0].Number);

        var pool = grains.GetGrain<IMergePoolGrain>($"{Repo}@main");
        var history = await pool.GetHistoryAsync();
        var merge = Assert.Single(history, h => h.Action == "MERGE");
        Assert.Equal(["lgtm"], Assert.Single(merge.Target).Labels);
        Assert.Contains($"{Repo}@main", await grains.GetGrain<ITidePoolsGrain>("all").ListAsync());
        await pool.SyncAsync(new PoolSync("base0001", [], [new PoolBlocker(9, "Release freeze", $"https://github.com/{Repo}/issues/9")]));
        var poolView = await pool.GetAsync();
        Assert.Equal(("org", "repo", "main", "base0001"), (poolView.Org, poolView.Repo, poolView.Branch, poolView.BaseSha));
        Assert.Equal(9, Assert.Single(poolView.Blockers).Number);

        // A repository's webhook, with its counts by event.
        var repository = grains.GetGrain<IRepositoryGrain>(Repo);
        Assert.True(await TwoSiloProw.OnSiloAsync(second, () => repository.OnWebhookAsync(new WebhookDelivery("delivery-2", "push", null, DateTimeOffset.UtcNow, Webhooks.Push(Repo, "main", "base0002", "README.md")))));
        var summary = await repository.GetSummaryAsync();
        Assert.Equal((Repo, 1L, 1L), (summary.Repository, summary.Deliveries, summary.EventCounts["push"]));

        // Lists made by collection expressions, both ways.
        var heads = grains.GetGrain<IPoolHeadIndexGrain>("other/repo");
        await heads.SetHeadsAsync("release", ["sha1", "sha2"]);
        await heads.SetHeadsAsync("main", ["sha3"]);
        Assert.Equal(["release"], await heads.FindAsync("sha2"));
        Assert.Equal(["main", "release"], (await heads.BranchesAsync()).Order(StringComparer.Ordinal));
        var active = grains.GetGrain<IActiveJobsGrain>("all");
        await active.AddAsync("probe-1");
        await active.AddAsync("probe-2");
        Assert.Equal(["probe-1", "probe-2"], (await active.ListAsync()).Order(StringComparer.Ordinal));
        await active.RemoveAsync("probe-1");
        await active.RemoveAsync("probe-2");

        // Plank's admission: one grain for every cluster, called from either silo.
        var admission = grains.GetGrain<IJobAdmissionGrain>(IJobAdmissionGrain.Key);
        var probe = new JobAdmissionRequest("admission-probe", "probe", 1, null, DateTimeOffset.UtcNow);
        Assert.True((await TwoSiloProw.OnSiloAsync(first, () => admission.TryAdmitAsync(probe))).Granted);
        var held = await TwoSiloProw.OnSiloAsync(second, () => admission.TryAdmitAsync(probe with { JobId = "admission-probe-2", Created = probe.Created.AddSeconds(1) }));
        Assert.Equal((false, "Waiting: max_concurrency 1 of probe reached."), (held.Granted, held.WaitReason));
        var admissionView = await admission.GetAsync();
        Assert.Equal(["admission-probe"], admissionView.Admitted);
        Assert.Equal(["admission-probe-2"], admissionView.Waiting);
        await admission.ReleaseAsync("admission-probe-2");
        await admission.AdoptAsync(probe);
        await admission.ReleaseAsync("admission-probe");
        Assert.Empty((await admission.GetAsync()).Admitted);

        // A periodic on one silo starts its first run, a ProwJob wherever it lands.
        var periodic = grains.GetGrain<IPeriodicJobGrain>("nightly");
        await TwoSiloProw.OnSiloAsync(second, async () =>
        {
            await periodic.EnsureScheduledAsync();
            return true;
        });
        await prow.UntilAsync(async () => (await periodic.GetAsync()).RunIds.Count == 1, "the periodic's first run");
        var periodicView = await periodic.GetAsync();
        Assert.Equal("nightly", periodicView.Name);
        Assert.NotNull(periodicView.LastTriggeredAt);
        var nightly = await FinishedAsync(prow, grains.GetGrain<IProwJobGrain>(periodicView.RunIds[0]));
        Assert.Equal((ProwJobType.Periodic, ProwJobState.Success), (nightly.Spec.Type, nightly.Status.State));

        // The sinker reads every periodic's view; nothing is old enough to remove.
        var pass = await grains.GetGrain<ISinkerGrain>("sinker").CleanAsync();
        Assert.Equal((0, 0), (pass.ProwJobsRemoved, pass.PodsRemoved));

        Assert.Equal(0, await grains.GetGrain<INeedsRebaseRescanGrain>("needs-rebase").RescanAsync()); // not enabled there: nothing to look at

        var protection = await grains.GetGrain<IBranchProtectorGrain>("branchprotector").ApplyAsync();
        Assert.Contains($"{Repo}@main", protection.Updated);

        // Both silos hosted Prow's grains.
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        var hosts = statistics.Where(s => s.GrainType.StartsWith("Prow.", StringComparison.Ordinal) && s.ActivationCount > 0).Select(s => s.SiloAddress).ToHashSet();
        Assert.Equal(new HashSet<SiloAddress> { first, second }, hosts);
        Assert.Empty(prow.SerializationFailures);
    }

    private static async Task<ProwJob> FinishedAsync(TwoSiloProw prow, IProwJobGrain job)
    {
        await prow.UntilAsync(async () => (await job.GetAsync())?.Status.Complete == true, $"the end of {job.GetPrimaryKeyString()}");
        return (await job.GetAsync())!;
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
