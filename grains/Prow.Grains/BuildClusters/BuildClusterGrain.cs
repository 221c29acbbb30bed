namespace Prow.Grains.BuildClusters;

/// <summary>
/// Admission for one build cluster: at most Capacity jobs at once, and at most max_concurrency of one job name.
/// Waiting jobs are served in order of arrival, skipping those still blocked by their own max_concurrency. The
/// bookkeeping is in memory on purpose: after a restart every running job is ended and every waiting one asks again.
/// </summary>
public sealed class BuildClusterGrain(BuildClusterRegistry clusters) : Grain, IBuildClusterGrain
{
    private readonly Dictionary<string, string> _running = new(StringComparer.Ordinal);
    private readonly List<(string JobId, string JobName, int MaxConcurrency)> _queue = [];

    private int Capacity => clusters.Find(this.GetPrimaryKeyString())?.Capacity ?? 0;

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
            return Task.FromResult(new SlotDecision(true, null));
        }

        if (!_queue.Exists(q => q.JobId == jobId))
        {
            _queue.Add((jobId, jobName, maxConcurrency));
        }

        return Task.FromResult(new SlotDecision(false, reason ?? $"Waiting for a slot on build cluster {this.GetPrimaryKeyString()}: {_queue.Count} job(s) queued."));
    }

    Task IBuildClusterGrain.ReleaseAsync(string jobId)
    {
        _running.Remove(jobId);
        _queue.RemoveAll(q => q.JobId == jobId);
        for (var i = 0; i < _queue.Count && _running.Count < Capacity;)
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

        return Task.CompletedTask;
    }

    Task<BuildClusterView> IBuildClusterGrain.GetAsync() =>
        Task.FromResult(new BuildClusterView(this.GetPrimaryKeyString(), Capacity, [.. _running.Keys], [.. _queue.Select(q => q.JobId)]));

    private string? Blocked(string jobName, int maxConcurrency)
    {
        if (_running.Count >= Capacity)
        {
            return $"Waiting for a slot on build cluster {this.GetPrimaryKeyString()}: all {Capacity} are in use.";
        }

        return maxConcurrency > 0 && _running.Values.Count(n => n == jobName) >= maxConcurrency
            ? $"Waiting: max_concurrency {maxConcurrency} of {jobName} reached."
            : null;
    }
}
