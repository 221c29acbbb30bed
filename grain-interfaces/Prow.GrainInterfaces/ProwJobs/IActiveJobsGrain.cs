using Orleans;

namespace Prow.GrainInterfaces.ProwJobs;

/// <summary>The ids of every ProwJob not yet finished (key "all"), so a restart can resume each one.</summary>
public interface IActiveJobsGrain : IGrainWithStringKey
{
    Task AddAsync(string jobId);

    Task RemoveAsync(string jobId);

    Task<IReadOnlyList<string>> ListAsync();
}
