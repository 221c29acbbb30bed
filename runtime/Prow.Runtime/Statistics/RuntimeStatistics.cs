using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Prow.Runtime;

/// <summary>
/// Counters the runtime keeps as it works: activations and queue depth per grain type, turn latency, storage
/// errors, ingress. Read as a snapshot by the admin dashboard and exported through the <c>Prow.Runtime</c> meter.
/// </summary>
public sealed class RuntimeStatistics : IDisposable
{
    public const string MeterName = "Prow.Runtime";

    private readonly ConcurrentDictionary<string, GrainTypeCounters> _types = new(StringComparer.Ordinal);
    private readonly Meter _meter;
    private readonly Histogram<double> _turnLatency;
    private long _storageErrors;
    private long _ingressAccepted;
    private long _ingressDuplicates;
    private long _ingressHandled;
    private long _ingressFailures;
    private long _ingressInFlight;

    /// <param name="meterFactory">The host's meter factory, so an exporter can tell this host's meters from another's in the same process.</param>
    public RuntimeStatistics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _turnLatency = _meter.CreateHistogram<double>("grain_turn_duration_seconds", "s", "Time a grain turn takes, from start to completion.");
        _meter.CreateObservableGauge("grain_activations", () => _types.Select(t => new Measurement<long>(Volatile.Read(ref t.Value.Activations), new KeyValuePair<string, object?>("grain_type", t.Key))), description: "Live activations per grain type.");
        _meter.CreateObservableGauge("grain_queue_depth", () => _types.Select(t => new Measurement<long>(Volatile.Read(ref t.Value.Queued), new KeyValuePair<string, object?>("grain_type", t.Key))), description: "Messages waiting per grain type.");
        _meter.CreateObservableCounter("grain_turns_total", () => _types.Select(t => new Measurement<long>(Volatile.Read(ref t.Value.Turns), new KeyValuePair<string, object?>("grain_type", t.Key))), description: "Completed grain turns.");
        _meter.CreateObservableCounter("grain_storage_errors_total", () => Volatile.Read(ref _storageErrors), description: "Failed storage operations, ETag conflicts included.");
        _meter.CreateObservableCounter("ingress_accepted_total", () => Volatile.Read(ref _ingressAccepted), description: "Inputs durably accepted.");
        _meter.CreateObservableCounter("ingress_duplicates_total", () => Volatile.Read(ref _ingressDuplicates), description: "Inputs refused as already accepted.");
        _meter.CreateObservableCounter("ingress_handled_total", () => Volatile.Read(ref _ingressHandled), description: "Inputs handled and completed.");
        _meter.CreateObservableCounter("ingress_failures_total", () => Volatile.Read(ref _ingressFailures), description: "Failed handling attempts.");
        _meter.CreateObservableGauge("ingress_in_flight", () => Volatile.Read(ref _ingressInFlight), description: "Inputs accepted and not yet completed.");
    }

    /// <summary>Reminder facts, supplied by the reminder service.</summary>
    internal Func<IReadOnlyList<ReminderSnapshot>>? ReminderSource { get; set; }

    internal void Activated(string grainType) => Interlocked.Increment(ref Counters(grainType).Activations);

    internal void Deactivated(string grainType) => Interlocked.Decrement(ref Counters(grainType).Activations);

    internal void MessageQueued(string grainType) => Interlocked.Increment(ref Counters(grainType).Queued);

    internal void MessageDequeued(string grainType) => Interlocked.Decrement(ref Counters(grainType).Queued);

    internal void TurnCompleted(string grainType, TimeSpan duration)
    {
        var counters = Counters(grainType);
        Interlocked.Increment(ref counters.Turns);
        Interlocked.Add(ref counters.TurnTicks, duration.Ticks);
        counters.Latency.Record(duration);
        if (_turnLatency.Enabled)
        {
            _turnLatency.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("grain_type", grainType));
        }
    }

    internal void StorageError() => Interlocked.Increment(ref _storageErrors);

    internal void IngressAccepted() { Interlocked.Increment(ref _ingressAccepted); Interlocked.Increment(ref _ingressInFlight); }

    internal void IngressReplayed() => Interlocked.Increment(ref _ingressInFlight);

    internal void IngressDuplicate() => Interlocked.Increment(ref _ingressDuplicates);

    internal void IngressHandled() { Interlocked.Increment(ref _ingressHandled); Interlocked.Decrement(ref _ingressInFlight); }

    internal void IngressFailed(bool final)
    {
        Interlocked.Increment(ref _ingressFailures);
        if (final)
        {
            Interlocked.Decrement(ref _ingressInFlight);
        }
    }

    public RuntimeStatisticsSnapshot Snapshot() => new(
        [.. _types.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Value.Snapshot(t.Key))],
        Volatile.Read(ref _storageErrors),
        new IngressSnapshot(Volatile.Read(ref _ingressAccepted), Volatile.Read(ref _ingressDuplicates), Volatile.Read(ref _ingressHandled), Volatile.Read(ref _ingressFailures), Volatile.Read(ref _ingressInFlight)),
        ReminderSource?.Invoke() ?? []);

    public void Dispose() => _meter.Dispose();

    private GrainTypeCounters Counters(string grainType) => _types.GetOrAdd(grainType, static _ => new GrainTypeCounters());

    private sealed class GrainTypeCounters
    {
        public long Activations;
        public long Queued;
        public long Turns;
        public long TurnTicks;
        public readonly LatencyHistogram Latency = new();

        public GrainTypeSnapshot Snapshot(string grainType) => new(
            grainType,
            Volatile.Read(ref Activations),
            Volatile.Read(ref Queued),
            Volatile.Read(ref Turns),
            Latency.Percentile(0.5),
            Latency.Percentile(0.99));
    }
}

public sealed record RuntimeStatisticsSnapshot(IReadOnlyList<GrainTypeSnapshot> GrainTypes, long StorageErrors, IngressSnapshot Ingress, IReadOnlyList<ReminderSnapshot> Reminders);

public sealed record GrainTypeSnapshot(string GrainType, long Activations, long QueueDepth, long Turns, TimeSpan TurnLatencyP50, TimeSpan TurnLatencyP99);

public sealed record IngressSnapshot(long Accepted, long Duplicates, long Handled, long Failures, long InFlight);

public sealed record ReminderSnapshot(string GrainId, string ReminderName, TimeSpan Period, DateTimeOffset NextDue);
