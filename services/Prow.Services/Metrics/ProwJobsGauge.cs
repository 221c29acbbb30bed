using System.Diagnostics.Metrics;
using Prow.Services.Configuration;
using Prow.Services.JobIndex;

namespace Prow.Services.Metrics;

/// <summary>
/// Prow's <c>prowjobs</c> gauge: how many ProwJobs there are by namespace, job name, type, state, org, repo and base
/// branch. Counted in the job index (one grouped query, no grain visited) each time metrics are read or pushed.
/// </summary>
public sealed class ProwJobsGauge : IDisposable
{
    private readonly IProwJobIndex _index;
    private readonly IConfigSource _config;
    private readonly Meter _meter;
    private volatile IReadOnlyList<Measurement<long>> _current = [];

    public ProwJobsGauge(IProwJobIndex index, IConfigSource config, IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _index = index;
        _config = config;
        _meter = meterFactory.Create(UpstreamMetrics.MeterPrefix + "ProwJobs");
        _meter.CreateObservableGauge("prowjobs", () => _current, description: "Number of prowjobs in the system.");
    }

    /// <summary>Counts the jobs again; what the gauge reports until the next call.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var counts = await _index.CountAsync(cancellationToken);
        var ns = _config.Current.Prow.ProwJobNamespace;
        _current = [.. counts.Select(c => new Measurement<long>(c.Count, Labels(ns, c)))];
    }

    public void Dispose() => _meter.Dispose();

    private static KeyValuePair<string, object?>[] Labels(string ns, ProwJobCount count)
    {
        var slash = count.Repo?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        return
        [
            new("job_namespace", ns),
            new("job_name", count.Job),
            new("type", count.Type),
            new("state", count.State),
            new("org", slash < 0 ? "" : count.Repo![..slash]),
            new("repo", slash < 0 ? "" : count.Repo![(slash + 1)..]),
            new("base_ref", count.BaseRef ?? ""),
        ];
    }
}
