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
        endpoints.MapGet("/healthz/ready", (IngressPipeline ingress, IHostApplicationLifetime lifetime) =>
            ingress.IsReady && lifetime.ApplicationStarted.IsCancellationRequested && !lifetime.ApplicationStopping.IsCancellationRequested
                ? Results.Text("ready")
                : Results.Text("not ready", statusCode: StatusCodes.Status503ServiceUnavailable));
        // As Prow's components: while metrics are pushed to a Pushgateway they are served only with serve_metrics.
        endpoints.MapGet("/metrics", async (PrometheusExporter exporter, IConfigSource config, CancellationToken cancellationToken) =>
            config.Current.Prow.PushGateway.MetricsServed
                ? Results.Text(await exporter.ScrapeAsync(cancellationToken), "text/plain; version=0.0.4; charset=utf-8")
                : Results.Text("Metrics are pushed to push_gateway.endpoint; set push_gateway.serve_metrics to serve them here too.\n", statusCode: StatusCodes.Status404NotFound));
    }
}
