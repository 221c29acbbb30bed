using Microsoft.Extensions.Logging;
using Prow.Grains.Artifacts;
using Prow.Grains.BuildClusters;
using Prow.Services.JobIndex;

namespace Prow.Grains.ProwJobs;

/// <summary>
/// Plank for one ProwJob: admission on its build cluster, the run, its end, abort. Each event goes through
/// <see cref="ProwJobPlank"/>, which gives the next state and its effects; the state is persisted first, then the
/// effects are carried out, so a restart can resume or end the job. Reporting is crier's: the job hands each new
/// state to its <see cref="ICrierGrain"/> and moves on whether or not GitHub has taken anything.
/// </summary>
public sealed partial class ProwJobGrain(
    [PersistentState("prowjob")] IPersistentState<ProwJobRecord> state,
    BuildClusterRegistry clusters,
    JobArtifacts artifacts,
    JobUrls urls,
    BuildIds buildIds,
    IProwJobIndex index,
    TimeProvider time,
    Prow.Services.Configuration.IConfigSource config,
    PlankMetrics metrics,
    ILogger<ProwJobGrain> logger) : Grain, IProwJobGrain
{
    /// <summary>Set once this activation started the run: a resume arriving after that must not take it for a lost one.</summary>
    private bool _runStartedHere;

    private ProwJob Job => state.State.Job ?? throw new InvalidOperationException($"ProwJob {this.GetPrimaryKeyString()} does not exist.");

    /// <summary>Writes the index row again: a crash between a state write and its index write is repaired here.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Job is { } job)
        {
            await index.UpsertAsync(job, cancellationToken);
        }
    }

    async Task<ProwJob> IProwJobGrain.CreateAsync(ProwJob job)
    {
        if (state.State.Job is { } existing)
        {
            return existing;
        }

        job = job with { Status = job.Status with { Url = job.Status.Url ?? urls.For(job, config.Current.Prow.Plank) } };
        // A job created already finished (an override) never runs, so it needs no build cluster.
        if (!job.Status.Complete && clusters.Pools.TryGetValue(job.Spec.Cluster, out var pool))
        {
            job = await PlaceInPoolAsync(job, pool);
        }

        if (!job.Status.Complete && clusters.Find(job.Spec.Cluster) is null)
        {
            job = ProwJobStateMachine.Complete(job, ProwJobState.Error, $"Unknown build cluster '{job.Spec.Cluster}'; this silo has: {string.Join(", ", clusters.Names)}.", time.GetUtcNow());
        }

        if (!job.Status.Complete)
        {
            await GrainFactory.GetGrain<IActiveJobsGrain>("all").AddAsync(job.Id);
        }

        await ApplyAsync(ProwJobPlank.Created(job));
        return Job;
    }

    Task<ProwJob?> IProwJobGrain.GetAsync() => Task.FromResult(state.State.Job);

    async Task IProwJobGrain.AdmittedAsync()
    {
        switch (state.State.Job)
        {
            case { Status.State: ProwJobState.Triggered }:
                await RequestSlotAsync();
                break;
            case null or { Status.Complete: true }:
                await Admission.ReleaseAsync(this.GetPrimaryKeyString());
                break;
        }
    }

    async Task IProwJobGrain.SlotGrantedAsync()
    {
        switch (state.State.Job)
        {
            case { Status.State: ProwJobState.Triggered }:
                await StartRunAsync();
                break;
            case { Status.Complete: true }:
                await ReleaseAsync();
                break;
        }
    }

    async Task IProwJobGrain.RunFinishedAsync(BuildRunResult result)
    {
        if (state.State.Job is not { Status.State: ProwJobState.Pending } job)
        {
            return;
        }

        await ApplyAsync(ProwJobPlank.Finished(job, result.State, result.Description, time.GetUtcNow()), result.BuildLogFile);
    }

    async Task IProwJobGrain.PodRevivedAsync(int podRevivalCount)
    {
        if (state.State.Job is { Status.State: ProwJobState.Pending } job && podRevivalCount > job.Status.PodRevivalCount)
        {
            await SaveAsync(job with { Status = job.Status with { PodRevivalCount = podRevivalCount } });
        }
    }

    async Task IProwJobGrain.AbortAsync(string description)
    {
        if (state.State.Job is { Status.Complete: false } job)
        {
            await ApplyAsync(ProwJobPlank.Aborted(job, description, time.GetUtcNow()));
        }
    }

    async Task<bool> IProwJobGrain.DeleteAsync()
    {
        if (state.State.Job is not { Status.Complete: true })
        {
            return false;
        }

        await GrainFactory.GetGrain<ICrierGrain>(this.GetPrimaryKeyString()).ForgetAsync();
        await state.ClearStateAsync();
        await index.RemoveAsync(this.GetPrimaryKeyString(), CancellationToken.None);
        DeactivateOnIdle();
        return true;
    }

    Task<ProwJob> IProwJobGrain.RerunAsync(string requestedBy)
    {
        var original = Job;
        var id = ProwJobIds.For($"rerun@{original.Id}@{time.GetUtcNow().UtcTicks}", original.Spec.Job);
        var annotations = new Dictionary<string, string>(original.Metadata.Annotations, StringComparer.Ordinal) { ["prow.k8s.io/rerun-of"] = original.Id, ["prow.k8s.io/rerun-by"] = requestedBy };
        var rerun = new ProwJob
        {
            Metadata = original.Metadata with { Name = id, CreationTimestamp = time.GetUtcNow(), Annotations = annotations },
            Spec = original.Spec,
            Status = new ProwJobStatus { StartTime = time.GetUtcNow(), State = ProwJobState.Triggered, Description = "Job triggered." },
        };
        return GrainFactory.GetGrain<IProwJobGrain>(id).CreateAsync(rerun);
    }

    async Task IProwJobGrain.ResumeAsync()
    {
        switch (state.State.Job)
        {
            case null:
                await GrainFactory.GetGrain<IActiveJobsGrain>("all").RemoveAsync(this.GetPrimaryKeyString());
                break;
            case { Status.State: ProwJobState.Pending } when _runStartedHere:
                // Admitted and started since the restart, before the resume came.
                break;
            case { Status.State: ProwJobState.Pending } running:
                if (!await ResumeRunAsync(running))
                {
                    await ApplyAsync(ProwJobPlank.Finished(running, ProwJobState.Error, "The job's run was lost when prow restarted.", time.GetUtcNow()), state.State.BuildLogFile);
                }

                break;
            case var job:
                await PerformAsync(ProwJobPlank.Resumed(job), buildLog: null);
                break;
        }
    }

    /// <summary>Persists the transition's job, then carries out its effects in <see cref="ProwJobEffect"/> order.</summary>
    private async Task ApplyAsync(ProwJobTransition transition, string? buildLog = null)
    {
        await SaveAsync(transition.Job, buildLog);
        await PerformAsync(transition, buildLog);
    }

    private async Task PerformAsync(ProwJobTransition transition, string? buildLog)
    {
        var job = transition.Job;
        foreach (var effect in transition.Effects.Order())
        {
            switch (effect)
            {
                case ProwJobEffect.Report:
                    await GrainFactory.GetGrain<ICrierGrain>(job.Id).RecordAsync(job);
                    break;
                case ProwJobEffect.WriteStarted:
                    await artifacts.WriteStartedAsync(job, job.Status.PendingTime!.Value, CancellationToken.None);
                    break;
                case ProwJobEffect.WriteFinished:
                    await artifacts.WriteFinishedAsync(job, buildLog ?? state.State.BuildLogFile, CancellationToken.None);
                    break;
                case ProwJobEffect.AbortRun:
                    if (clusters.Find(job.Spec.Cluster) is { } cluster)
                    {
                        await cluster.AbortAsync(job.Id);
                    }

                    break;
                case ProwJobEffect.ReleaseSlot:
                    await ReleaseAsync();
                    break;
                case ProwJobEffect.LeaveActiveSet:
                    await GrainFactory.GetGrain<IActiveJobsGrain>("all").RemoveAsync(job.Id);
                    break;
                case ProwJobEffect.NotifyTide:
                    await Tide.TideRouting.NotifyJobAsync(GrainFactory, config.Current, job);
                    break;
                case ProwJobEffect.RequestSlot:
                    await RequestSlotAsync();
                    break;
                case ProwJobEffect.StartRun:
                    await RunAsync(job);
                    break;
            }
        }
    }

    /// <summary>A pool's member for this job (see <see cref="BuildClusterChooser"/>); the pool is kept in an annotation.</summary>
    private async Task<ProwJob> PlaceInPoolAsync(ProwJob job, IReadOnlyList<string> pool)
    {
        var views = await Task.WhenAll(pool.Where(m => clusters.Find(m) is not null).Select(m => GrainFactory.GetGrain<IBuildClusterGrain>(m).GetAsync()));
        if (views.Length == 0)
        {
            return job;
        }

        var chosen = BuildClusterChooser.Choose(views.Select(v => (v, v.UnavailableReason is null)));
        var annotations = new Dictionary<string, string>(job.Metadata.Annotations, StringComparer.Ordinal) { [ProwJobLabels.ClusterPool] = job.Spec.Cluster };
        return job with { Metadata = job.Metadata with { Annotations = annotations }, Spec = job.Spec with { Cluster = chosen } };
    }

    /// <summary>A run on a cluster that outlives prow (a pod) is followed again and keeps its slot.</summary>
    private async Task<bool> ResumeRunAsync(ProwJob job)
    {
        if (clusters.Find(job.Spec.Cluster) is not { } cluster)
        {
            return false;
        }

        try
        {
            if (!await cluster.ResumeAsync(job, Callbacks(job), CancellationToken.None))
            {
                return false;
            }
        }
        catch (Exception ex)
        {
            LogResumeFailed(logger, ex, job.Id, job.Spec.Job);
            return false;
        }

        await Admission.AdoptAsync(JobAdmissionRequest.For(job));
        await GrainFactory.GetGrain<IBuildClusterGrain>(job.Spec.Cluster).AdoptAsync(job.Id);
        await GrainFactory.GetGrain<ICrierGrain>(job.Id).RecordAsync(job);
        return true;
    }

    /// <summary>Plank's admission (max_concurrency, job queues, across every cluster) first, then a slot on the job's cluster.</summary>
    private async Task RequestSlotAsync()
    {
        var job = Job;
        var admission = await Admission.TryAdmitAsync(JobAdmissionRequest.For(job));
        if (!admission.Granted)
        {
            await ApplyAsync(ProwJobPlank.Waiting(job, admission.WaitReason ?? "Waiting for admission."));
            return;
        }

        var decision = await GrainFactory.GetGrain<IBuildClusterGrain>(job.Spec.Cluster).TryAcquireAsync(job.Id);
        if (decision.Granted)
        {
            await StartRunAsync();
        }
        else
        {
            await ApplyAsync(ProwJobPlank.Waiting(job, decision.WaitReason ?? "Waiting for a slot."));
        }
    }

    private async Task StartRunAsync()
    {
        var transition = ProwJobPlank.Started(Job, podName: Job.Id, buildIds.Next(), time.GetUtcNow());
        var started = transition.Job with { Status = transition.Job.Status with { Url = urls.For(transition.Job, config.Current.Prow.Plank) } };
        await ApplyAsync(transition with { Job = started });
    }

    private async Task RunAsync(ProwJob job)
    {
        var cluster = clusters.Find(job.Spec.Cluster)!;
        _runStartedHere = true;
        try
        {
            await cluster.StartAsync(job, Callbacks(job), CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogStartFailed(logger, ex, job.Id, job.Spec.Job);
            await ApplyAsync(ProwJobPlank.Finished(job, ProwJobState.Error, $"The job could not be started: {ex.Message}", time.GetUtcNow()));
        }
    }

    /// <summary>Through a grain reference, so the cluster's calls come in as turns of this grain, wherever it is then.</summary>
    private BuildRunCallbacks Callbacks(ProwJob job)
    {
        var self = GrainFactory.GetGrain<IProwJobGrain>(job.Id);
        return new BuildRunCallbacks(self.RunFinishedAsync, self.PodRevivedAsync);
    }

    private IJobAdmissionGrain Admission => GrainFactory.GetGrain<IJobAdmissionGrain>(IJobAdmissionGrain.Key);

    private async Task ReleaseAsync()
    {
        await GrainFactory.GetGrain<IBuildClusterGrain>(Job.Spec.Cluster).ReleaseAsync(Job.Id);
        await Admission.ReleaseAsync(Job.Id);
    }

    /// <summary>Persists the job, then its index row (an upsert, so a retried turn writes the same row again).</summary>
    private async Task SaveAsync(ProwJob job, string? buildLog = null)
    {
        var before = state.State.Job;
        state.State = state.State with { Job = job, BuildLogFile = buildLog ?? state.State.BuildLogFile };
        await state.WriteStateAsync();
        metrics.Saved(before, job);
        await index.UpsertAsync(job, CancellationToken.None);
    }

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "ProwJob {JobId} ({Job}) could not be followed again after the restart; it is ended")]
    private static partial void LogResumeFailed(ILogger logger, Exception exception, string jobId, string job);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "ProwJob {JobId} ({Job}) could not be started")]
    private static partial void LogStartFailed(ILogger logger, Exception exception, string jobId, string job);
}
