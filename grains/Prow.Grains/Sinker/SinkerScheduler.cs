using Microsoft.Extensions.Hosting;

namespace Prow.Grains.Sinker;

/// <summary>Gives the sinker its reminder at startup (registering again is harmless).</summary>
public sealed class SinkerScheduler(IGrainFactory grains) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => grains.GetGrain<ISinkerGrain>("sinker").EnsureScheduledAsync();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
