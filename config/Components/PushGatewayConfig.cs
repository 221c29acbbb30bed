namespace Prow.Config.Components;

/// <summary>The <c>push_gateway</c> section: where and how often metrics are pushed to a Prometheus Pushgateway.</summary>
public sealed record PushGatewayConfig
{
    /// <summary>Prow's default interval, used when none (or zero) is given.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(1);

    /// <summary>The Pushgateway's address (<c>host:port</c> means <c>http://host:port</c>); null when nothing is pushed.</summary>
    public string? Endpoint { get; init; }

    public TimeSpan Interval { get; init; } = DefaultInterval;

    /// <summary>Whether <c>/metrics</c> is served too while metrics are pushed; without an endpoint it always is.</summary>
    public bool ServeMetrics { get; init; }

    /// <summary>Whether <c>/metrics</c> answers: always, unless metrics are pushed and <c>serve_metrics</c> is false.</summary>
    public bool MetricsServed => Endpoint is null || ServeMetrics;
}
