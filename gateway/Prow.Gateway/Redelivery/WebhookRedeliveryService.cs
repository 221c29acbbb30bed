using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prow.Ingress;

namespace Prow.Gateway.Redelivery;

/// <summary>
/// Asks GitHub, on start and every <see cref="WebhookRedeliveryOptions.Interval"/>, for the webhooks it failed to
/// deliver, so none is lost while every gateway was down (GitHub does not redeliver by itself). On start the look
/// reaches back to the last webhook the inbox received, less one interval and the margin (failures between the look
/// before it and that webhook); with an empty inbox there is nothing of this prow's to recover. Each later look
/// reaches back to the start of the one before, less the margin; a look that failed is covered by the next.
/// </summary>
public sealed partial class WebhookRedeliveryService(
    WebhookRedeliverer redeliverer, IIngressStore inbox, WebhookRedeliveryOptions options, TimeProvider time, ILogger<WebhookRedeliveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Sources.Count == 0)
        {
            return;
        }

        DateTimeOffset? since = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = time.GetUtcNow();
            try
            {
                since ??= await FirstHorizonAsync(started, stoppingToken);
                foreach (var source in options.Sources)
                {
                    var asked = await redeliverer.RedeliverAsync(source, Max(since.Value, started - options.MaxLookback), stoppingToken);
                    if (asked > 0)
                    {
                        Redelivered(logger, asked, source);
                    }
                }

                since = started - options.Margin;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LookFailed(logger, ex);
            }

            try
            {
                await Task.Delay(options.Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<DateTimeOffset> FirstHorizonAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await inbox.LatestAcceptedAsync(WebhookEnvelope.IngressKind, cancellationToken) is { } last
            ? last - options.Interval - options.Margin
            : now - options.Margin;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Asked GitHub to redeliver {Count} webhooks it failed to deliver to {Source}")]
    private static partial void Redelivered(ILogger logger, int count, Clients.GitHub.WebhookSource source);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "Could not look for webhooks GitHub failed to deliver; the next look covers this one")]
    private static partial void LookFailed(ILogger logger, Exception exception);
}
