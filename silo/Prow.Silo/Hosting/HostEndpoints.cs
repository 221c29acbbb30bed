using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Prow.Ingress;
using Prow.Services.Configuration;
using Prow.Silo.Metrics;

namespace Prow.Silo.Hosting;

/// <summary>Liveness, readiness and metrics (the front door is deck's jobs page).</summary>
internal static class HostEndpoints
{
    public static void MapHostEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("ok"));
        // "ready" alone in one process (--role all); a gateway or worker names its role, and a process not ready says what it waits for.
        endpoints.MapGet("/healthz/ready", (IngressPipeline ingress, IHostApplicationLifetime lifetime, Readiness readiness) =>
            readiness.WaitingFor(ingress, lifetime) is { } waiting
                ? Results.Text($"not ready: waiting for {waiting}", statusCode: StatusCodes.Status503ServiceUnavailable)
                : Results.Text(readiness.Role == ProwRole.All ? "ready" : $"ready: {readiness.Role.ToString().ToLowerInvariant()}"));
        // As Prow's components: while metrics are pushed to a Pushgateway they are served only with serve_metrics.
        endpoints.MapGet("/metrics", async (PrometheusExporter exporter, IConfigSource config, CancellationToken cancellationToken) =>
            config.Current.Prow.PushGateway.MetricsServed
                ? Results.Text(await exporter.ScrapeAsync(cancellationToken), "text/plain; version=0.0.4; charset=utf-8")
                : Results.Text("Metrics are pushed to push_gateway.endpoint; set push_gateway.serve_metrics to serve them here too.\n", statusCode: StatusCodes.Status404NotFound));
    }
}
