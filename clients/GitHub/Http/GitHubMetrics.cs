using System.Diagnostics.Metrics;
using System.Globalization;

namespace Prow.Clients.GitHub;

/// <summary>
/// The <c>Prow.GitHub</c> meter. Each client owns its instance (so tests can listen to one client); inside a
/// host it comes from the host's meter factory, so the host's exporter can tell it from another host's.
/// </summary>
public sealed class GitHubMetrics : IDisposable
{
    public const string MeterName = "Prow.GitHub";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _coalesced;
    private long _requestCount;
    private long _cacheHitCount;
    private long _coalescedCount;

    internal GitHubMetrics(Func<IReadOnlyList<RateLimitSnapshot>> rateLimits, IMeterFactory? meterFactory = null)
    {
        Meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _requests = Meter.CreateCounter<long>("github_requests_total", description: "HTTP exchanges with GitHub, by endpoint template and status.");
        _cacheHits = Meter.CreateCounter<long>("github_cache_hits_total", description: "GETs answered from the ETag cache after a 304.");
        _coalesced = Meter.CreateCounter<long>("github_coalesced_requests_total", description: "GETs that joined an identical GET in flight.");
        Meter.CreateObservableGauge(
            "github_rate_limit_remaining",
            () => rateLimits().Select(r => new Measurement<long>(r.Remaining, new KeyValuePair<string, object?>("resource", r.Resource))),
            description: "Requests left in the current rate-limit window, per resource.");
    }

    public Meter Meter { get; }

    /// <summary>HTTP exchanges sent (every endpoint attempt that got a status).</summary>
    public long RequestCount => Interlocked.Read(ref _requestCount);

    public long CacheHitCount => Interlocked.Read(ref _cacheHitCount);

    public long CoalescedCount => Interlocked.Read(ref _coalescedCount);

    internal void Request(HttpMethod method, string template, int? status)
    {
        Interlocked.Increment(ref _requestCount);
        _requests.Add(
            1,
            new KeyValuePair<string, object?>("method", method.Method),
            new KeyValuePair<string, object?>("endpoint", template),
            new KeyValuePair<string, object?>("status", status?.ToString(CultureInfo.InvariantCulture) ?? "error"));
    }

    internal void CacheHit(string template)
    {
        Interlocked.Increment(ref _cacheHitCount);
        _cacheHits.Add(1, new KeyValuePair<string, object?>("endpoint", template));
    }

    internal void Coalesced(string template)
    {
        Interlocked.Increment(ref _coalescedCount);
        _coalesced.Add(1, new KeyValuePair<string, object?>("endpoint", template));
    }

    public void Dispose() => Meter.Dispose();
}
