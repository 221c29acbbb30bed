using Prow.Services.Configuration;

namespace Prow.Grains.Periodics;

/// <summary>Gives every configured periodic its reminder at startup (registering again is harmless).</summary>
public sealed class PeriodicScheduler(IGrainFactory grains, IConfigSource config) : Microsoft.Extensions.Hosting.IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => ScheduleAllAsync();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ScheduleAllAsync() =>
        Task.WhenAll(config.Current.Jobs.Periodics.Select(p => grains.GetGrain<IPeriodicJobGrain>(p.Name).EnsureScheduledAsync()));
}
