using Microsoft.Extensions.Logging;
using Prow.Grains.Artifacts;
using Prow.Grains.BuildClusters;
using Prow.Grains.Reporting;
using Prow.Services.Artifacts;
using Prow.Services.JobIndex;

namespace Prow.Grains.ProwJobs;

/// <summary>
/// Plank for one ProwJob: admission on its build cluster, the run, the end of the run, abort, and reporting each
/// state once. Every transition is persisted before it is acted on, so a restart can resume or end the job.
/// </summary>
public sealed partial class ProwJobGrain(
    [PersistentState("prowjob")] IPersistentState<ProwJobRecord> state,
    BuildClusterRegistry clusters,
    GitHubStatusReporter github,
    JobArtifacts artifacts,
    JobUrls urls,
    BuildIds buildIds,
    IProwJobIndex index,
    TimeProvider time,
    Prow.Services.Configuration.IConfigSource config,
    ILogger<ProwJobGrain> logger) : Grain, IProwJobGrain
{
    private static readonly TimeSpan s_reportRetry = TimeSpan.FromSeconds(5);
    private IGrainTimer? _reportRetry;

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

        job = job with { Status = job.Status with { Url = urls.For(job, config.Current.Prow.Plank) } };
        if (clusters.Pools.TryGetValue(job.Spec.Cluster, out var pool))
        {
            job = await PlaceInPoolAsync(job, pool);
        }

        if (clusters.Find(job.Spec.Cluster) is null)
        {
            job = ProwJobStateMachine.Complete(job, ProwJobState.Error, $"Unknown build cluster '{job.Spec.Cluster}'; this silo has: {string.Join(", ", clusters.Names)}.", time.GetUtcNow());
        }

        await SaveAsync(job);
        if (!job.Status.Complete)
        {
            await GrainFactory.GetGrain<IActiveJobsGrain>("all").AddAsync(job.Id);
        }

        await ReportAsync();
        await Tide.TideRouting.NotifyJobAsync(GrainFactory, config.Current, Job);
        if (!Job.Status.Complete)
        {
            await RequestSlotAsync();
        }

        return Job;
    }

    Task<ProwJob?> IProwJobGrain.GetAsync() => Task.FromResult(state.State.Job);

    async Task IProwJobGrain.SlotGrantedAsync()
    {
        if (state.State.Job is { Status.State: ProwJobState.Triggered })
        {
            await StartRunAsync();
        }
        else
        {
            await ReleaseAsync();
        }
    }

    async Task IProwJobGrain.RunFinishedAsync(BuildRunResult result)
    {
        if (state.State.Job is not { Status.State: ProwJobState.Pending } job)
        {
            return;
        }

        await FinishAsync(ProwJobStateMachine.Complete(job, result.State, result.Description, time.GetUtcNow()), result.BuildLogFile);
    }

    async Task IProwJobGrain.AbortAsync(string description)
    {
        if (state.State.Job is not { Status.Complete: false } job)
        {
            return;
        }

        var wasRunning = job.Status.State == ProwJobState.Pending;
        await FinishAsync(ProwJobStateMachine.Abort(job, description, time.GetUtcNow()), buildLog: null);
        if (wasRunning && clusters.Find(job.Spec.Cluster) is { } cluster)
        {
            await cluster.AbortAsync(job.Id);
        }
    }

    async Task<bool> IProwJobGrain.DeleteAsync()
    {
        if (state.State.Job is not { Status.Complete: true })
        {
            return false;
        }

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
            case null or { Status.Complete: true }:
                await GrainFactory.GetGrain<IActiveJobsGrain>("all").RemoveAsync(this.GetPrimaryKeyString());
                break;
            case { Status.State: ProwJobState.Pending } running:
                if (!await ResumeRunAsync(running))
                {
                    await FinishAsync(ProwJobStateMachine.Complete(running, ProwJobState.Error, "The job's run was lost when prow restarted.", time.GetUtcNow()), state.State.BuildLogFile);
                }

                break;
            default:
                await ReportAsync();
                await RequestSlotAsync();
                break;
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
            if (!await cluster.ResumeAsync(job, GrainFactory.GetGrain<IProwJobGrain>(job.Id).RunFinishedAsync, CancellationToken.None))
            {
                return false;
            }
        }
        catch (Exception ex)
        {
            LogResumeFailed(logger, ex, job.Id, job.Spec.Job);
            return false;
        }

        await GrainFactory.GetGrain<IBuildClusterGrain>(job.Spec.Cluster).AdoptAsync(job.Id, job.Spec.Job);
        return true;
    }

    private async Task RequestSlotAsync()
    {
        var job = Job;
        var decision = await GrainFactory.GetGrain<IBuildClusterGrain>(job.Spec.Cluster).TryAcquireAsync(job.Id, job.Spec.Job, job.Spec.MaxConcurrency);
        if (decision.Granted)
        {
            await StartRunAsync();
        }
        else
        {
            await SaveAsync(ProwJobStateMachine.Wait(job, decision.WaitReason ?? "Waiting for a slot."));
        }
    }

    private async Task StartRunAsync()
    {
        var cluster = clusters.Find(Job.Spec.Cluster)!;
        var job = ProwJobStateMachine.Start(Job, podName: Job.Id, buildIds.Next(), url: null, time.GetUtcNow());
        job = job with { Status = job.Status with { Url = urls.For(job, config.Current.Prow.Plank) } };
        await SaveAsync(job);
        await artifacts.WriteStartedAsync(job, job.Status.PendingTime!.Value, CancellationToken.None);
        await ReportAsync();
        var self = GrainFactory.GetGrain<IProwJobGrain>(job.Id);
        try
        {
            await cluster.StartAsync(job, self.RunFinishedAsync, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogStartFailed(logger, ex, job.Id, job.Spec.Job);
            await FinishAsync(ProwJobStateMachine.Complete(job, ProwJobState.Error, $"The job could not be started: {ex.Message}", time.GetUtcNow()), buildLog: null);
        }
    }

    private async Task FinishAsync(ProwJob job, string? buildLog)
    {
        await SaveAsync(job, buildLog ?? state.State.BuildLogFile);
        if (job.Status.BuildId is not null)
        {
            await artifacts.WriteFinishedAsync(job, buildLog, CancellationToken.None);
        }

        await ReportAsync();
        await ReleaseAsync();
        await GrainFactory.GetGrain<IActiveJobsGrain>("all").RemoveAsync(job.Id);
        await Tide.TideRouting.NotifyJobAsync(GrainFactory, config.Current, job);
        if (job.Spec is { Type: ProwJobType.Presubmit, Report: true, Refs: { Pulls: [var pull, ..] } refs })
        {
            var required = job.Metadata.Labels.GetValueOrDefault(ProwJobLabels.IsOptional) != "true";
            await GrainFactory.GetGrain<IPullRequestGrain>(GrainKeys.PullRequest(refs.Org, refs.Repo, pull.Number)).OnJobFinishedAsync(
                new JobOutcome(job.Spec.Job, job.Spec.Context ?? job.Spec.Job, pull.Sha, job.Status.State, job.Status.Url, required, job.Spec.RerunCommand, pull.Author));
        }
    }

    private Task ReleaseAsync() => GrainFactory.GetGrain<IBuildClusterGrain>(Job.Spec.Cluster).ReleaseAsync(Job.Id);

    /// <summary>Sends the current state to GitHub once; a failure is retried on a timer until it goes through.</summary>
    private async Task ReportAsync()
    {
        var job = Job;
        if (!github.ShouldReport(job) || !ProwJobStateMachine.NeedsReport(job, GitHubStatusReporter.ReporterName))
        {
            return;
        }

        try
        {
            await github.ReportAsync(job, CancellationToken.None);
            await SaveAsync(ProwJobStateMachine.Reported(job, GitHubStatusReporter.ReporterName));
            _reportRetry?.Dispose();
            _reportRetry = null;
        }
        catch (Exception ex) when (ex is Clients.GitHub.GitHubApiException or HttpRequestException or TaskCanceledException)
        {
            LogReportFailed(logger, ex, job.Id, job.Status.State);
            _reportRetry ??= this.RegisterGrainTimer(ReportAsync, s_reportRetry, s_reportRetry);
            DelayDeactivation(s_reportRetry * 2);
        }
    }

    /// <summary>Persists the job, then its index row (an upsert, so a retried turn writes the same row again).</summary>
    private async Task SaveAsync(ProwJob job, string? buildLog = null)
    {
        state.State = state.State with { Job = job, BuildLogFile = buildLog ?? state.State.BuildLogFile };
        await state.WriteStateAsync();
        await index.UpsertAsync(job, CancellationToken.None);
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Reporting ProwJob {JobId} ({State}) to GitHub failed; retrying")]
    private static partial void LogReportFailed(ILogger logger, Exception exception, string jobId, string state);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "ProwJob {JobId} ({Job}) could not be followed again after the restart; it is ended")]
    private static partial void LogResumeFailed(ILogger logger, Exception exception, string jobId, string job);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "ProwJob {JobId} ({Job}) could not be started")]
    private static partial void LogStartFailed(ILogger logger, Exception exception, string jobId, string job);
}
