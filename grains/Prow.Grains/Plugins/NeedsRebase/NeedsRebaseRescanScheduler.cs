using Microsoft.Extensions.Hosting;

namespace Prow.Grains.Plugins.NeedsRebase;

/// <summary>Gives the needs-rebase pass its reminder at startup (registering again is harmless).</summary>
public sealed class NeedsRebaseRescanScheduler(IGrainFactory grains) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => grains.GetGrain<INeedsRebaseRescanGrain>(NeedsRebaseRescanGrain.Key).EnsureScheduledAsync();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
