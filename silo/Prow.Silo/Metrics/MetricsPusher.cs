using System.Net.Http.Headers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prow.Config.Components;
using Prow.Services.Configuration;

namespace Prow.Silo.Metrics;

/// <summary>
/// Pushes the metrics to the Prometheus Pushgateway <c>push_gateway.endpoint</c> names, every
/// <c>push_gateway.interval</c> (both read again before each push, so a config change applies), as Prow's components
/// do: a PUT of the whole text exposition to <c>{endpoint}/metrics/job/prow/instance/{host name}</c>, which replaces
/// what this process pushed before. An endpoint without a scheme is <c>http://</c>, as in Prow.
/// </summary>
public sealed partial class MetricsPusher(PrometheusExporter exporter, IConfigSource config, TimeProvider time, ILogger<MetricsPusher> logger) : BackgroundService
{
    /// <summary>The <c>job</c> grouping label: one process runs every component, so it pushes once, under one name.</summary>
    public const string Job = "prow";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private bool _failing;

    public static Uri PushUrl(string endpoint, string instance)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var baseUrl = endpoint.Contains("://", StringComparison.Ordinal) ? endpoint : "http://" + endpoint;
        return new Uri($"{baseUrl.TrimEnd('/')}/metrics/job/{Uri.EscapeDataString(Job)}/instance/{Uri.EscapeDataString(instance)}");
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var gateway = config.Current.Prow.PushGateway;
            if (gateway.Endpoint is { } endpoint)
            {
                await PushAsync(endpoint, stoppingToken);
            }

            try
            {
                await Task.Delay(gateway.Endpoint is null ? PushGatewayConfig.DefaultInterval : gateway.Interval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task PushAsync(string endpoint, CancellationToken cancellationToken)
    {
        var url = PushUrl(endpoint, Environment.MachineName);
        try
        {
            using var content = new StringContent(await exporter.ScrapeAsync(cancellationToken));
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain; version=0.0.4; charset=utf-8");
            using var response = await _http.PutAsync(url, content, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"{(int)response.StatusCode} {response.ReasonPhrase}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }

            if (_failing)
            {
                _failing = false;
                LogPushing(logger, url);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            // One line when pushing starts failing, one when it works again: a Pushgateway away is no reason to fill the log.
            if (!_failing)
            {
                _failing = true;
                LogPushFailed(logger, url, ex.Message);
            }
        }
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning, Message = "Pushing metrics to {Url} failed: {Cause}; trying again every push_gateway.interval")]
    private static partial void LogPushFailed(ILogger logger, Uri url, string cause);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "Pushing metrics to {Url} works again")]
    private static partial void LogPushing(ILogger logger, Uri url);
}
