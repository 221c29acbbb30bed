namespace Prow.Services.Metrics;

/// <summary>
/// Meters named with <see cref="MeterPrefix"/> hold metrics under the names Prow's own components give them
/// (<c>prowjobs</c>, <c>merges</c>, <c>pooledprs</c>...): <c>/metrics</c> and the Pushgateway get those names
/// unchanged, so dashboards and alerts written for Prow read them as they are.
/// </summary>
public static class UpstreamMetrics
{
    public const string MeterPrefix = "Prow.Upstream.";
}
