using Orleans;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Services.JobIndex;

namespace Prow.Web.Jobs;

/// <summary>
/// A job by an id from a URL or a form. The job index is asked first: every job a grain holds is written to it in the
/// grain's own turn, and imported runs are only there, so an id it does not know is no job, and answering that costs
/// one index read rather than a grain activation per made-up id. A known job is read from its grain, which is fresher.
/// </summary>
public sealed class JobFinder(IGrainFactory grains, IProwJobIndex index)
{
    /// <summary>Longer than any name Kubernetes (and so Prow) allows: refused without a lookup.</summary>
    public const int MaxIdLength = 253;

    public async Task<ProwJob?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength || await index.GetAsync(id, cancellationToken) is not { } indexed)
        {
            return null;
        }

        return await grains.GetGrain<IProwJobGrain>(id).GetAsync() ?? indexed;
    }
}
