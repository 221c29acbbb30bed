using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Prow.Grains.BuildClusters;

/// <summary>Per build cluster: jobs running and queued (kept current by the cluster grains) and API errors.</summary>
public sealed class BuildClusterMetrics
{
    private readonly ConcurrentDictionary<string, (int Running, int Queued)> _load = new(StringComparer.Ordinal);
    private readonly Counter<long> _apiErrors;

    public BuildClusterMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create("Prow.BuildClusters");
        meter.CreateObservableGauge("build_cluster_running_jobs", () => _load.Select(l => new Measurement<int>(l.Value.Running, Cluster(l.Key))), description: "Jobs running on each build cluster.");
        meter.CreateObservableGauge("build_cluster_queued_jobs", () => _load.Select(l => new Measurement<int>(l.Value.Queued, Cluster(l.Key))), description: "Jobs waiting for each build cluster.");
        _apiErrors = meter.CreateCounter<long>("build_cluster_api_errors", description: "Calls to a build cluster's API that failed or went unanswered.");
    }

    public void SetLoad(string cluster, int running, int queued) => _load[cluster] = (running, queued);

    public void ApiError(string cluster) => _apiErrors.Add(1, Cluster(cluster));

    private static KeyValuePair<string, object?> Cluster(string name) => new("cluster", name);
}
