using Microsoft.Extensions.Hosting;

namespace Prow.Grains.ProwJobs;

/// <summary>At startup, every unfinished ProwJob is resumed: a running one is followed again if its pod outlived prow, else ended; a waiting one queues again.</summary>
public sealed class ActiveJobResumer(IGrainFactory grains) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var active = await grains.GetGrain<IActiveJobsGrain>("all").ListAsync();
        await Task.WhenAll(active.Select(id => grains.GetGrain<IProwJobGrain>(id).ResumeAsync()));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
