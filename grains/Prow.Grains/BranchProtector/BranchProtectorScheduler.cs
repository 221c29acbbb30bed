using Microsoft.Extensions.Hosting;

namespace Prow.Grains.BranchProtector;

/// <summary>Gives the branch protector its reminder at startup (registering again is harmless).</summary>
public sealed class BranchProtectorScheduler(IGrainFactory grains) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => grains.GetGrain<IBranchProtectorGrain>("branchprotector").EnsureScheduledAsync();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
