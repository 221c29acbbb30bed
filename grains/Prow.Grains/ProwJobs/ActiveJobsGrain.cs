namespace Prow.Grains.ProwJobs;

/// <summary>The set of unfinished ProwJobs, persisted, so a restart resumes every one of them.</summary>
public sealed class ActiveJobsGrain([PersistentState("active")] IPersistentState<ActiveJobsState> state) : Grain, IActiveJobsGrain
{
    async Task IActiveJobsGrain.AddAsync(string jobId)
    {
        if (state.State.JobIds.Add(jobId))
        {
            await state.WriteStateAsync();
        }
    }

    async Task IActiveJobsGrain.RemoveAsync(string jobId)
    {
        if (state.State.JobIds.Remove(jobId))
        {
            await state.WriteStateAsync();
        }
    }

    Task<IReadOnlyList<string>> IActiveJobsGrain.ListAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.JobIds]);
}
