namespace Prow.Grains.BuildClusters;

/// <summary>
/// Slots on one build cluster: at most Capacity jobs at once, served in order of arrival. Prow's own limits
/// (max_concurrency, job queues) are decided before, across every cluster, by <see cref="Admission.JobAdmissionGrain"/>.
/// The bookkeeping is in memory: after a restart every running job is adopted again or ended, and every waiting one asks again.
/// </summary>
public sealed class BuildClusterGrain(BuildClusterRegistry clusters, BuildClusterMetrics metrics) : Grain, IBuildClusterGrain
{
    private static readonly TimeSpan s_probe = TimeSpan.FromSeconds(1);
    private readonly HashSet<string> _running = new(StringComparer.Ordinal);
    private readonly List<string> _queue = [];
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

    Task<SlotDecision> IBuildClusterGrain.TryAcquireAsync(string jobId)
    {
        if (_running.Contains(jobId))
        {
            return Task.FromResult(new SlotDecision(true, null));
        }

        var reason = Blocked();
        if (reason is null && _queue.Count == 0)
        {
            _running.Add(jobId);
            Published();
            return Task.FromResult(new SlotDecision(true, null));
        }

        if (!_queue.Contains(jobId))
        {
            _queue.Add(jobId);
        }

        WatchAvailability();
        Published();
        return Task.FromResult(new SlotDecision(false, reason ?? $"Waiting for a slot on build cluster {this.GetPrimaryKeyString()}: {_queue.Count} job(s) queued."));
    }

    Task IBuildClusterGrain.ReleaseAsync(string jobId)
    {
        _running.Remove(jobId);
        _queue.Remove(jobId);
        Dispatch();
        return Task.CompletedTask;
    }

    Task IBuildClusterGrain.AdoptAsync(string jobId)
    {
        _queue.Remove(jobId);
        _running.Add(jobId);
        Published();
        return Task.CompletedTask;
    }

    Task<BuildClusterView> IBuildClusterGrain.GetAsync() =>
        Task.FromResult(new BuildClusterView(this.GetPrimaryKeyString(), Capacity, [.. _running], [.. _queue]) { UnavailableReason = Unavailable });

    /// <summary>Hands free slots to waiting jobs in order; while the cluster is unavailable, polls until it answers.</summary>
    private void Dispatch()
    {
        while (_queue.Count > 0 && Blocked() is null)
        {
            var id = _queue[0];
            _queue.RemoveAt(0);
            _running.Add(id);
            _ = GrainFactory.GetGrain<IProwJobGrain>(id).SlotGrantedAsync();
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

    private string? Blocked()
    {
        if (Unavailable is { } unavailable)
        {
            return unavailable;
        }

        return _running.Count >= Capacity ? $"Waiting for a slot on build cluster {this.GetPrimaryKeyString()}: all {Capacity} are in use." : null;
    }
}
