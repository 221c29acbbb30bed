using System.Diagnostics.Metrics;

namespace Prow.Gateway;

/// <summary>Webhook responses by status code (Prow's hook keeps the same counter).</summary>
public sealed class HookMetrics : IDisposable
{
    public const string MeterName = "Prow.Hook";

    private readonly Meter _meter;
    private readonly Counter<long> _responses;

    public HookMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _responses = _meter.CreateCounter<long>("webhook_responses_total", description: "Webhook responses by HTTP status code.");
    }

    public void Responded(int statusCode) => _responses.Add(1, new KeyValuePair<string, object?>("code", statusCode));

    public void Dispose() => _meter.Dispose();
}
