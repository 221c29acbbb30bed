using System.Diagnostics.Metrics;

namespace Prow.Gateway;

/// <summary>Webhook responses by status code (Prow's hook keeps the same counter), and how full the body budget is.</summary>
public sealed class HookMetrics : IDisposable
{
    public const string MeterName = "Prow.Hook";

    private readonly Meter _meter;
    private readonly Counter<long> _responses;

    public HookMetrics(IMeterFactory meterFactory, WebhookBodyBudget budget)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(budget);
        _meter = meterFactory.Create(MeterName);
        _responses = _meter.CreateCounter<long>("webhook_responses_total", description: "Webhook responses by HTTP status code.");
        _meter.CreateObservableGauge("webhook_body_bytes_reserved", () => budget.InUse, description: "Bytes of webhook bodies being read or checked now.");
        _meter.CreateObservableGauge("webhook_bodies_waiting", () => budget.Waiting, description: "Webhook posts waiting for room before their body is read.");
    }

    public void Responded(int statusCode) => _responses.Add(1, new KeyValuePair<string, object?>("code", statusCode));

    public void Dispose() => _meter.Dispose();
}
