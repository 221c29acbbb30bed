using Prow.Grains.Configuration;

namespace Prow.Grains.Periodics;

/// <summary>Gives every configured periodic, and the sinker, its reminder at startup (registering again is harmless).</summary>
public sealed class PeriodicScheduler(IGrainFactory grains, IConfigSource config) : Microsoft.Extensions.Hosting.IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ScheduleAllAsync();
        await grains.GetGrain<ISinkerGrain>("sinker").EnsureScheduledAsync();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ScheduleAllAsync() =>
        Task.WhenAll(config.Current.Jobs.Periodics.Select(p => grains.GetGrain<IPeriodicJobGrain>(p.Name).EnsureScheduledAsync()));
}
