using System.Diagnostics.Metrics;

namespace Prow.Services.Plugins;

/// <summary>
/// Plugin failures made visible: Prow's <c>prow_plugin_handle_errors</c> counter on <c>/metrics</c> (by event type,
/// action and plugin), and the most recent failures of this process for the admin page.
/// </summary>
public sealed class PluginFailureLog : IDisposable
{
    public const string MeterName = "Prow.Plugins";

    /// <summary>How many recent failures are kept.</summary>
    public const int Kept = 50;

    private readonly Meter _meter;
    private readonly Counter<long> _errors;
    private readonly Lock _lock = new();
    private readonly LinkedList<PluginFailure> _recent = new();

    public PluginFailureLog(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _errors = _meter.CreateCounter<long>("plugin_handle_errors", description: "Prow errors handling an event by plugin, event type and action.");
    }

    public void Record(PluginFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        _errors.Add(
            1,
            new KeyValuePair<string, object?>("event_type", failure.EventType),
            new KeyValuePair<string, object?>("action", failure.Action ?? ""),
            new KeyValuePair<string, object?>("plugin", failure.Plugin));
        lock (_lock)
        {
            _recent.AddFirst(failure);
            if (_recent.Count > Kept)
            {
                _recent.RemoveLast();
            }
        }
    }

    /// <summary>The latest failures, newest first.</summary>
    public IReadOnlyList<PluginFailure> Recent()
    {
        lock (_lock)
        {
            return [.. _recent];
        }
    }

    public void Dispose() => _meter.Dispose();
}
