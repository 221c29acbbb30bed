using Orleans;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Services.JobIndex;

namespace Prow.Web.Jobs;

/// <summary>A job by id: its grain, else the job index (runs imported from another Prow's bucket have no grain).</summary>
public sealed class JobFinder(IGrainFactory grains, IProwJobIndex index)
{
    public async Task<ProwJob?> FindAsync(string id, CancellationToken cancellationToken) =>
        await grains.GetGrain<IProwJobGrain>(id).GetAsync() ?? await index.GetAsync(id, cancellationToken);
}
