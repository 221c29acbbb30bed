using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Prow.Clients.Kubernetes;
using Prow.Clients.Kubernetes.Models;
using Prow.Services.Configuration;

namespace Prow.Grains.BuildClusters.Kubernetes;

/// <summary>
/// A build cluster that runs each job as a Pod through the Kubernetes API. One watch per namespace follows the pods
/// (re-listing after 410 Gone or an outage, which is also how a pod deleted from under us is noticed); a ticker
/// retries pod creations the API did not answer, ends pods stuck pulling their image, and retries deletions. Creation
/// is idempotent on the pod name (the job id), so a retried or resumed job never runs twice. While the API does not
/// answer, <see cref="UnavailableReason"/> says why, and no new job is admitted; running pods are picked up again
/// when it answers. Plank's pod lifecycle: a pod past its <see cref="PodDeadlines"/> is deleted and its job ended,
/// and a pod the cluster stopped (evicted, node lost) is created again up to plank's max_revivals, unless the job
/// asks for error_on_eviction.
/// </summary>
public sealed partial class KubernetesBuildCluster : IBuildClusterKind, IDisposable
{
    private readonly KubernetesClient _client;
    private readonly KubernetesBuildClusterOptions _options;
    private readonly BuildClusterMetrics _metrics;
    private readonly IConfigSource _config;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, TrackedPod> _tracked = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task> _watches = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Ns, string Name), byte> _toDelete = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lazy<Task> _ticker;
    private volatile string? _unavailable;

    public KubernetesBuildCluster(KubernetesClient client, KubernetesBuildClusterOptions options, BuildClusterMetrics metrics, IConfigSource config, TimeProvider time, ILogger<KubernetesBuildCluster> logger)
    {
        _client = client;
        _options = options;
        _metrics = metrics;
        _config = config;
        _time = time;
        _logger = logger;
        _ticker = new Lazy<Task>(() => Background(TickAsync));
        // Watching from the start also tells whether the cluster answers before any job is sent to it.
        Watch(options.Namespace);
    }

    public string Name => _options.Name;

    public int Capacity => _options.Capacity;

    public string? UnavailableReason => _unavailable;

    public async Task StartAsync(ProwJob job, BuildRunCallbacks callbacks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var pod = PodBuilder.Build(job, _options);
        var timeout = job.Spec.DecorationConfig is { } decoration ? LocalJobRequest.Duration(decoration, "timeout") : null;
        var deadlines = PodDeadlines.For(job, _config.Current.Prow.Plank);
        var run = new TrackedPod(job, pod, callbacks, Path.Combine(_options.LogFolder, job.Id, "build-log.txt"), timeout, deadlines);
        if (!_tracked.TryAdd(job.Id, run))
        {
            return;
        }

        Watch(run.Namespace);
        _ = _ticker.Value;
        try
        {
            await CreateAsync(run, cancellationToken);
        }
        catch (KubernetesApiException ex) when (!ex.IsTransient)
        {
            // The cluster refused the pod (invalid, forbidden): the job cannot run here.
            _tracked.TryRemove(job.Id, out _);
            throw;
        }
        catch (Exception ex) when (IsUnanswered(ex))
        {
            // Not lost: the ticker creates it when the cluster answers.
            Unavailable(ex);
        }
    }

    /// <summary>The pod outlived prow: creating it again is harmless (409 adopts it; a pod never created is created now).</summary>
    public async Task<bool> ResumeAsync(ProwJob job, BuildRunCallbacks callbacks, CancellationToken cancellationToken)
    {
        await StartAsync(job, callbacks, cancellationToken);
        return true;
    }

    public Task AbortAsync(string jobId)
    {
        if (_tracked.TryRemove(jobId, out var run))
        {
            _toDelete[(run.Namespace, run.Name)] = 0;
        }

        return Task.CompletedTask;
    }

    /// <summary>Sinker's share: deletes finished pods this silo no longer follows once they are older than <paramref name="maxPodAge"/>.</summary>
    public async Task<int> DeleteFinishedPodsAsync(TimeSpan maxPodAge, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var deleted = 0;
        foreach (var ns in _watches.Keys.Append(_options.Namespace).Distinct(StringComparer.Ordinal))
        {
            var pods = await _client.ListPodsAsync(ns, PodBuilder.Selector, cancellationToken);
            foreach (var pod in pods.Items.Where(p => p.Status?.Phase is PodStatus.Succeeded or PodStatus.Failed && !_tracked.ContainsKey(p.Metadata.Name)))
            {
                var finished = pod.Status!.ContainerStatuses.Select(s => s.State.Terminated?.FinishedAt).Append(pod.Metadata.CreationTimestamp).Max();
                if (finished is { } at && now - at > maxPodAge && await _client.DeletePodAsync(ns, pod.Metadata.Name, cancellationToken))
                {
                    deleted++;
                }
            }
        }

        return deleted;
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _client.Dispose();
    }

    private async Task CreateAsync(TrackedPod run, CancellationToken cancellationToken)
    {
        try
        {
            await _client.CreatePodAsync(run.Namespace, run.Pod, cancellationToken);
        }
        catch (KubernetesApiException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            if (run.Retired.Count > 0)
            {
                // Reviving: the stopped pod still holds the name until its deletion goes through; the next tick tries
                // again (a pod of ours created by an attempt whose answer was lost is adopted when the watch shows it).
                return;
            }

            // Created by an earlier attempt whose answer was lost: that pod is this job's run.
        }

        run.CreatedAt ??= _time.GetUtcNow();
        Available();
    }

    private void Watch(string ns) => _watches.GetOrAdd(ns, n => Background(() => WatchAsync(n)));

    /// <summary>Runs a loop outside any grain turn: it must not carry the caller's call chain.</summary>
    private static Task Background(Func<Task> loop)
    {
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(loop);
        }
    }

    private async Task WatchAsync(string ns)
    {
        string? version = null;
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (version is null)
                {
                    var asOf = _time.GetUtcNow();
                    var list = await _client.ListPodsAsync(ns, PodBuilder.Selector, stopping);
                    Available();
                    Reconcile(ns, list.Items, asOf);
                    version = list.Metadata.ResourceVersion;
                }

                await foreach (var change in _client.WatchPodsAsync(ns, PodBuilder.Selector, version, _options.WatchTimeout, stopping))
                {
                    Available();
                    version = change.Pod.Metadata.ResourceVersion ?? version;
                    if (change.Type != WatchEvent.Bookmark)
                    {
                        Observe(change.Pod, deleted: change.Type == WatchEvent.Deleted);
                    }
                }
            }
            catch (KubernetesApiException ex) when (ex.IsGone)
            {
                version = null;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                // Unanswered, refused or unreadable alike: after a pause the missed events are re-read from a fresh list.
                Unavailable(ex);
                version = null;
                await Delay(_options.RetryInterval);
            }
        }
    }

    /// <summary>A fresh list: every pod's state, and any followed pod missing from it was deleted from under us.</summary>
    private void Reconcile(string ns, IReadOnlyList<Pod> pods, DateTimeOffset asOf)
    {
        var present = pods.Select(p => p.Metadata.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            Observe(pod, deleted: false);
        }

        foreach (var run in _tracked.Values.Where(r => r.Namespace == ns && r.CreatedAt < asOf && !present.Contains(r.Name)))
        {
            Finish(run, new BuildRunResult(ProwJobState.Error, $"The pod {run.Name} was deleted from build cluster {Name} before it finished.", null, null), fetchLog: false);
        }
    }

    private void Observe(Pod pod, bool deleted)
    {
        if (!_tracked.TryGetValue(pod.Metadata.Name, out var run) || pod.Metadata.Uid is { } uid && run.Retired.Contains(uid))
        {
            return;
        }

        run.CreatedAt ??= _time.GetUtcNow();
        run.LastSeen = pod;
        if (PodOutcome.UnexpectedStop(pod) is { } cause)
        {
            Revive(run, pod, cause);
        }
        else if (PodOutcome.Of(pod, run.DecorationTimeout, run.LogFile) is { } outcome)
        {
            Finish(run, outcome, fetchLog: !deleted);
        }
        else if (deleted)
        {
            Finish(run, new BuildRunResult(ProwJobState.Error, $"The pod {run.Name} was deleted from build cluster {Name} before it finished.", null, null), fetchLog: false);
        }
        else
        {
            CheckDeadlines(run);
        }
    }

    /// <summary>
    /// The cluster stopped the pod: as Prow's plank, the job errors when it asked for error_on_eviction or used up
    /// max_revivals; otherwise the pod is deleted and created again under the same name.
    /// </summary>
    private void Revive(TrackedPod run, Pod pod, string cause)
    {
        var maxRevivals = _config.Current.Prow.Plank.MaxRevivals;
        if (cause == "evicted" && run.Job.Spec.ErrorOnEviction)
        {
            Finish(run, new BuildRunResult(ProwJobState.Error, "Job pod was evicted by the cluster.", null, run.LogFile), fetchLog: true);
        }
        else if (run.Revivals >= maxRevivals)
        {
            Finish(run, new BuildRunResult(ProwJobState.Error, $"Job pod reached max revivals ({run.Revivals}) after being stopped unexpectedly ({cause})", null, run.LogFile), fetchLog: true);
        }
        else
        {
            run.Revivals++;
            run.Retired.Add(pod.Metadata.Uid ?? "");
            run.CreatedAt = null;
            run.LastSeen = null;
            _toDelete[(run.Namespace, run.Name)] = 0;
            LogRevived(_logger, run.Name, Name, cause, run.Revivals, maxRevivals);
            var revivals = run.Revivals;
            _ = Background(() => TellAsync(run, () => run.Callbacks.Revived(revivals)));
        }
    }

    /// <summary>A pod past one of its deadlines is deleted and its job ended (error, or aborted when it ran too long).</summary>
    private void CheckDeadlines(TrackedPod run)
    {
        if (run is { LastSeen: { } pod, CreatedAt: { } createdAt } && run.Deadlines.Overdue(pod, createdAt, _time.GetUtcNow()) is { } overdue)
        {
            _toDelete[(run.Namespace, run.Name)] = 0;
            Finish(run, overdue, fetchLog: false);
        }
    }

    /// <summary>Ends a run once: fetch the log, then tell the ProwJob (off the watch loop).</summary>
    private void Finish(TrackedPod run, BuildRunResult result, bool fetchLog)
    {
        if (!_tracked.TryRemove(run.Job.Id, out _))
        {
            return;
        }

        _ = Background(async () =>
        {
            try
            {
                if (fetchLog)
                {
                    await SaveLogAsync(run);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or OperationCanceledException)
            {
                // The job's end matters more than its log: report it anyway.
                LogLogLost(_logger, ex, run.Name, Name);
            }

            await TellAsync(run, () => run.Callbacks.Finished(result));
        });
    }

    private async Task SaveLogAsync(TrackedPod run)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(run.LogFile)!);
        var failedClone = run.LastSeen?.Status?.InitContainerStatuses.Any(s => s.State.Terminated is { ExitCode: not 0 }) == true;
        var container = failedClone ? PodDecoration.CloneContainer : PodBuilder.TestContainer(run.Pod);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await File.WriteAllTextAsync(run.LogFile, await _client.GetPodLogsAsync(run.Namespace, run.Name, container, _stopping.Token));
                return;
            }
            catch (Exception ex) when (attempt < 30 && !_stopping.IsCancellationRequested && (IsUnanswered(ex) || ex is KubernetesApiException { IsTransient: true }))
            {
                Unavailable(ex);
                await Delay(_options.RetryInterval);
            }
            catch (Exception ex) when (IsUnanswered(ex) || ex is KubernetesApiException)
            {
                LogLogLost(_logger, ex, run.Name, Name);
                await File.WriteAllTextAsync(run.LogFile, $"The log of pod {run.Name} could not be fetched from build cluster {Name}: {ex.Message}\n");
                return;
            }
        }
    }

    private async Task TellAsync(TrackedPod run, Func<Task> call)
    {
        // The grain may be briefly unavailable (shutting down); a few tries, then the restart's resume ends the job.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await call();
                return;
            }
            catch (Exception ex) when (attempt < 5)
            {
                LogReportRetry(_logger, ex, run.Job.Id, attempt);
                await Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
            catch (Exception ex)
            {
                LogReportFailed(_logger, ex, run.Job.Id);
                return;
            }
        }
    }

    private async Task TickAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            await Delay(_options.RetryInterval);
            foreach (var run in _tracked.Values)
            {
                if (run.CreatedAt is null)
                {
                    await RetryCreateAsync(run);
                }
                else
                {
                    CheckDeadlines(run);
                }
            }

            foreach (var (ns, name) in _toDelete.Keys)
            {
                await TryAsync(async () =>
                {
                    await _client.DeletePodAsync(ns, name, _stopping.Token);
                    _toDelete.TryRemove((ns, name), out _);
                });
            }
        }
    }

    /// <summary>A creation the API refuses on retry (not merely leaves unanswered) ends the job as error.</summary>
    private async Task RetryCreateAsync(TrackedPod run)
    {
        try
        {
            await CreateAsync(run, _stopping.Token);
        }
        catch (KubernetesApiException ex) when (!ex.IsTransient)
        {
            Finish(run, new BuildRunResult(ProwJobState.Error, $"The job could not be started: {ex.Message}", null, null), fetchLog: false);
        }
        catch (Exception ex) when (!_stopping.IsCancellationRequested && IsUnanswered(ex))
        {
            Unavailable(ex);
        }
    }

    private async Task TryAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception ex) when (!_stopping.IsCancellationRequested && (IsUnanswered(ex) || ex is KubernetesApiException))
        {
            Unavailable(ex);
        }
    }

    private async Task Delay(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _time, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop ends.
        }
    }

    private static bool IsUnanswered(Exception ex) =>
        ex is HttpRequestException or TimeoutException or IOException || ex is KubernetesApiException { IsTransient: true };

    private void Available()
    {
        if (_unavailable is not null)
        {
            _unavailable = null;
            LogAvailable(_logger, Name);
        }
    }

    private void Unavailable(Exception ex)
    {
        _metrics.ApiError(Name);
        if (IsUnanswered(ex))
        {
            var reason = $"Build cluster {Name} is unreachable: {ex.Message}";
            if (_unavailable is null)
            {
                LogUnavailable(_logger, ex, Name);
            }

            _unavailable = reason;
        }
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Build cluster {Cluster} does not answer; its jobs wait")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string cluster);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Build cluster {Cluster} answers again")]
    private static partial void LogAvailable(ILogger logger, string cluster);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "The log of pod {Pod} on build cluster {Cluster} could not be fetched")]
    private static partial void LogLogLost(ILogger logger, Exception exception, string pod, string cluster);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Warning, Message = "Telling ProwJob {JobId} about its pod failed (attempt {Attempt}); trying again")]
    private static partial void LogReportRetry(ILogger logger, Exception exception, string jobId, int attempt);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Error, Message = "Could not tell ProwJob {JobId} about its pod")]
    private static partial void LogReportFailed(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(EventId = 4206, Level = LogLevel.Information, Message = "Pod {Pod} on build cluster {Cluster} stopped unexpectedly ({Cause}); creating it again (revival {Revival} of {MaxRevivals})")]
    private static partial void LogRevived(ILogger logger, string pod, string cluster, string cause, int revival, int maxRevivals);
}
