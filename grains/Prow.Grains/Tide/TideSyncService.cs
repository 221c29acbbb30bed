using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prow.Services.Configuration;

namespace Prow.Grains.Tide;

/// <summary>Runs <see cref="TideSync"/> at startup and then every <c>tide.sync_period</c> (read again each time).</summary>
public sealed partial class TideSyncService(TideSync sync, IConfigSource config, TimeProvider time, ILogger<TideSyncService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (config.Current.Prow.Tide.Queries.Count > 0)
            {
                try
                {
                    await sync.SyncOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // A failed sync must not stop the host: the next period tries again.
                    LogSyncFailed(logger, ex);
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
}
