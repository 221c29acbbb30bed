namespace Prow.Grains.BuildClusters;

/// <summary>
/// Admission for one build cluster: at most Capacity jobs at once, and at most max_concurrency of one job name.
/// Waiting jobs are served in order of arrival, skipping those still blocked by their own max_concurrency. The
/// bookkeeping is in memory on purpose: after a restart every running job is ended and every waiting one asks again.
/// </summary>
public sealed class BuildClusterGrain(BuildClusterRegistry clusters, BuildClusterMetrics metrics) : Grain, IBuildClusterGrain
{
    private static readonly TimeSpan s_probe = TimeSpan.FromSeconds(1);
    private readonly Dictionary<string, string> _running = new(StringComparer.Ordinal);
    private readonly List<(string JobId, string JobName, int MaxConcurrency)> _queue = [];
    private IGrainTimer? _availabilityProbe;

    private int Capacity => clusters.Find(this.GetPrimaryKeyString())?.Capacity ?? 0;

    /// <summary>While the cluster's API does not answer, nothing is admitted and waiting jobs say why.</summary>
    private string? Unavailable => clusters.Find(this.GetPrimaryKeyString())?.UnavailableReason;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Admission state is only meaningful while this activation lives.
        DelayDeactivation(TimeSpan.FromDays(365));
        return Task.CompletedTask;
    }

    Task<SlotDecision> IBuildClusterGrain.TryAcquireAsync(string jobId, string jobName, int maxConcurrency)
    {
        if (_running.ContainsKey(jobId))
        {
            return Task.FromResult(new SlotDecision(true, null));
        }

        var reason = Blocked(jobName, maxConcurrency);
        if (reason is null && _queue.Count == 0)
        {
            _running[jobId] = jobName;
            Published();
            return Task.FromResult(new SlotDecision(true, null));
        }

        if (!_queue.Exists(q => q.JobId == jobId))
        {
            _queue.Add((jobId, jobName, maxConcurrency));
        }

        WatchAvailability();
        Published();
        return Task.FromResult(new SlotDecision(false, reason ?? $"Waiting for a slot on build cluster {this.GetPrimaryKeyString()}: {_queue.Count} job(s) queued."));
    }

    Task IBuildClusterGrain.ReleaseAsync(string jobId)
    {
        _running.Remove(jobId);
        _queue.RemoveAll(q => q.JobId == jobId);
        Dispatch();
        return Task.CompletedTask;
    }

    Task IBuildClusterGrain.AdoptAsync(string jobId, string jobName)
    {
        _queue.RemoveAll(q => q.JobId == jobId);
        _running[jobId] = jobName;
        Published();
        return Task.CompletedTask;
    }

    Task<BuildClusterView> IBuildClusterGrain.GetAsync() =>
        Task.FromResult(new BuildClusterView(this.GetPrimaryKeyString(), Capacity, [.. _running.Keys], [.. _queue.Select(q => q.JobId)]) { UnavailableReason = Unavailable });

    /// <summary>Hands free slots to waiting jobs in order; while the cluster is unavailable, polls until it answers.</summary>
    private void Dispatch()
    {
        for (var i = 0; i < _queue.Count && _running.Count < Capacity && Unavailable is null;)
        {
            var (id, name, max) = _queue[i];
            if (Blocked(name, max) is null)
            {
                _queue.RemoveAt(i);
                _running[id] = name;
                _ = GrainFactory.GetGrain<IProwJobGrain>(id).SlotGrantedAsync();
            }
            else
            {
                i++;
            }
        }

        WatchAvailability();
        Published();
    }

    private void WatchAvailability()
    {
        if (_queue.Count > 0 && Unavailable is not null)
        {
            _availabilityProbe ??= this.RegisterGrainTimer(ProbeAsync, s_probe, s_probe);
        }
        else
        {
            _availabilityProbe?.Dispose();
            _availabilityProbe = null;
        }
    }

    private Task ProbeAsync()
    {
        Dispatch();
        return Task.CompletedTask;
    }

    private void Published() => metrics.SetLoad(this.GetPrimaryKeyString(), _running.Count, _queue.Count);

    private string? Blocked(string jobName, int maxConcurrency)
    {
        if (Unavailable is { } unavailable)
        {
            return unavailable;
        }

        if (_running.Count >= Capacity)
        {
            return $"Waiting for a slot on build cluster {this.GetPrimaryKeyString()}: all {Capacity} are in use.";
        }

        return maxConcurrency > 0 && _running.Values.Count(n => n == jobName) >= maxConcurrency
            ? $"Waiting: max_concurrency {maxConcurrency} of {jobName} reached."
            : null;
    }
}
