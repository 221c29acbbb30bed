using System.Diagnostics.Metrics;

namespace Prow.Ingress;

/// <summary>What the inbox has done, for <c>/metrics</c> (the <c>Prow.Ingress</c> meter) and the admin page.</summary>
public sealed class IngressMetrics : IDisposable
{
    public const string MeterName = "Prow.Ingress";

    private readonly Meter _meter;
    private long _accepted;
    private long _duplicates;
    private long _handled;
    private long _failures;
    private long _inFlight;

    /// <param name="meterFactory">The host's meter factory, so an exporter can tell this host's meters from another's in the same process.</param>
    public IngressMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _meter.CreateObservableCounter("ingress_accepted_total", () => Volatile.Read(ref _accepted), description: "Inputs durably accepted.");
        _meter.CreateObservableCounter("ingress_duplicates_total", () => Volatile.Read(ref _duplicates), description: "Inputs refused as already accepted.");
        _meter.CreateObservableCounter("ingress_handled_total", () => Volatile.Read(ref _handled), description: "Inputs handled and completed.");
        _meter.CreateObservableCounter("ingress_failures_total", () => Volatile.Read(ref _failures), description: "Failed handling attempts.");
        _meter.CreateObservableGauge("ingress_in_flight", () => Volatile.Read(ref _inFlight), description: "Inputs accepted and not yet completed.");
    }

    public IngressSnapshot Snapshot() => new(Volatile.Read(ref _accepted), Volatile.Read(ref _duplicates), Volatile.Read(ref _handled), Volatile.Read(ref _failures), Volatile.Read(ref _inFlight));

    public void Dispose() => _meter.Dispose();

    internal void Accepted()
    {
        Interlocked.Increment(ref _accepted);
        Interlocked.Increment(ref _inFlight);
    }

    internal void Replayed() => Interlocked.Increment(ref _inFlight);

    internal void Duplicate() => Interlocked.Increment(ref _duplicates);

    internal void Handled()
    {
        Interlocked.Increment(ref _handled);
        Interlocked.Decrement(ref _inFlight);
    }

    internal void Failed(bool final)
    {
        Interlocked.Increment(ref _failures);
        if (final)
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}

public sealed record IngressSnapshot(long Accepted, long Duplicates, long Handled, long Failures, long InFlight);
