using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Prow.Ingress;
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
        endpoints.MapGet("/metrics", (PrometheusExporter exporter) => Results.Text(exporter.Scrape(), "text/plain; version=0.0.4; charset=utf-8"));
    }
}
