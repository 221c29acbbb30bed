using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prow.Services.Configuration;
using Prow.Services.Logging;

namespace Prow.Grains.Tide;

/// <summary>Runs <see cref="TideSync"/> at startup and then every <c>tide.sync_period</c> (read again each time).</summary>
public sealed partial class TideSyncService(TideSync sync, IConfigSource config, TimeProvider time, RepeatedFailures failures, TideMetrics metrics, ILogger<TideSyncService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (config.Current.Prow.Tide.Queries.Count > 0)
            {
                var started = time.GetTimestamp();
                try
                {
                    await sync.SyncOnceAsync(stoppingToken);
                    metrics.SyncLoop(time.GetElapsedTime(started));
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // A failed sync must not stop the host: the next period tries again.
                    if (RepeatedFailures.OutageCause(ex) is not { } cause)
                    {
                        LogSyncFailed(logger, ex);
                    }
                    else if (failures.ShouldWrite("tide sync", out var held))
                    {
                        LogSyncOutage(logger, cause, held);
                    }
                }
            }

            try
            {
                await Task.Delay(config.Current.Prow.Tide.SyncPeriod, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Tide's sync failed; trying again next period")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Tide's sync failed: {Cause}; trying again next period ({Held} more since the last such line)")]
    private static partial void LogSyncOutage(ILogger logger, string cause, int held);
}
