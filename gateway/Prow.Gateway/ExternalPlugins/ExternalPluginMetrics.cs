using System.Diagnostics.Metrics;

namespace Prow.Gateway.ExternalPlugins;

/// <summary>Forwards to external plugins, per plugin and endpoint: taken, refused or unanswered, and owed (stored at accept).</summary>
public sealed class ExternalPluginMetrics : IDisposable
{
    public const string MeterName = "Prow.ExternalPlugins";

    private readonly Meter _meter;
    private readonly Counter<long> _queued;
    private readonly Counter<long> _forwarded;
    private readonly Counter<long> _failed;

    public ExternalPluginMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _queued = _meter.CreateCounter<long>("external_plugin_queued_total", description: "Deliveries stored to be forwarded to an external plugin.");
        _forwarded = _meter.CreateCounter<long>("external_plugin_forwarded_total", description: "Deliveries an external plugin took (2xx).");
        _failed = _meter.CreateCounter<long>("external_plugin_failures_total", description: "Forward attempts an external plugin refused or did not answer; each is retried.");
    }

    public void Queued(string plugin, string endpoint) => _queued.Add(1, Tags(plugin, endpoint));

    public void Forwarded(string plugin, string endpoint) => _forwarded.Add(1, Tags(plugin, endpoint));

    public void Failed(string plugin, string endpoint) => _failed.Add(1, Tags(plugin, endpoint));

    public void Dispose() => _meter.Dispose();

    private static ReadOnlySpan<KeyValuePair<string, object?>> Tags(string plugin, string endpoint) =>
        new KeyValuePair<string, object?>[] { new("plugin", plugin), new("endpoint", endpoint) };
}
