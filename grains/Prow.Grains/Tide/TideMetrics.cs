using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Prow.Services.Metrics;

namespace Prow.Grains.Tide;

/// <summary>
/// Tide's metrics under Prow's names and labels: <c>pooledprs</c> and <c>updatetime</c> per pool (org, repo, branch),
/// the <c>merges</c> histogram (pull requests merged together), <c>syncdur</c> (the last sync loop, seconds) and
/// <c>tidesyncheartbeat</c> per controller. Pools report what the pools hosted by this process hold.
/// </summary>
public sealed class TideMetrics : IDisposable
{
    private static readonly double[] s_mergeBuckets = [1, 2, 3, 4, 5, 7, 10, 15, 25];

    private readonly Meter _meter;
    private readonly ConcurrentDictionary<(string Org, string Repo, string Branch), int> _pooled = new();
    private readonly ConcurrentDictionary<(string Org, string Repo, string Branch), long> _updated = new();
    private readonly Histogram<double> _merges;
    private readonly Counter<long> _heartbeat;
    private double _syncSeconds;

    public TideMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(UpstreamMetrics.MeterPrefix + "Tide");
        _meter.CreateObservableGauge("pooledprs", () => _pooled.Select(p => new Measurement<int>(p.Value, Pool(p.Key))), description: "Number of PRs in each Tide pool.");
        _meter.CreateObservableGauge("updatetime", () => _updated.Select(p => new Measurement<long>(p.Value, Pool(p.Key))), description: "The last time each subpool was synced. (Used to determine 'pooledprs' freshness.)");
        _meter.CreateObservableGauge("syncdur", () => Volatile.Read(ref _syncSeconds), description: "The duration of the last loop of the sync controller.");
        _merges = _meter.CreateHistogram(
            "merges",
            unit: null,
            description: "Histogram of merges where values are the number of PRs merged together.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_mergeBuckets });
        _heartbeat = _meter.CreateCounter<long>("tidesyncheartbeat", description: "Count of Tide syncs per controller.");
    }

    /// <summary>The pool's pull requests now.</summary>
    public void Pooled(string org, string repo, string branch, int count) => _pooled[(org, repo, branch)] = count;

    /// <summary>The pool took a full sync at <paramref name="at"/>.</summary>
    public void Synced(string org, string repo, string branch, DateTimeOffset at) => _updated[(org, repo, branch)] = at.ToUnixTimeSeconds();

    /// <summary><paramref name="count"/> pull requests were merged in one action (one, or a batch).</summary>
    public void Merged(string org, string repo, string branch, int count) => _merges.Record(count, Pool((org, repo, branch)));

    /// <summary>One loop of tide's sync controller ended.</summary>
    public void SyncLoop(TimeSpan duration)
    {
        Volatile.Write(ref _syncSeconds, duration.TotalSeconds);
        _heartbeat.Add(1, new KeyValuePair<string, object?>("controller", "sync"));
    }

    public void Dispose() => _meter.Dispose();

    private static KeyValuePair<string, object?>[] Pool((string Org, string Repo, string Branch) pool) =>
        [new("org", pool.Org), new("repo", pool.Repo), new("branch", pool.Branch)];
}
