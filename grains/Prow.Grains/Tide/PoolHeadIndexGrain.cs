using Prow.GrainInterfaces.Tide;

namespace Prow.Grains.Tide;

/// <summary>A repository's pull request heads by pool branch, so a status on a commit finds its pool.</summary>
public sealed class PoolHeadIndexGrain([PersistentState("poolheads")] IPersistentState<PoolHeadIndexState> state) : Grain, IPoolHeadIndexGrain
{
    async Task IPoolHeadIndexGrain.SetHeadsAsync(string branch, IReadOnlyList<string> heads)
    {
        if (heads.Count == 0)
        {
            state.State.HeadsByBranch.Remove(branch);
        }
        else
        {
            state.State.HeadsByBranch[branch] = [.. heads];
        }

        await state.WriteStateAsync();
    }

    Task<IReadOnlyList<string>> IPoolHeadIndexGrain.BranchesAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.HeadsByBranch.Keys]);

    Task<IReadOnlyList<string>> IPoolHeadIndexGrain.FindAsync(string sha) =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.HeadsByBranch.Where(b => b.Value.Contains(sha)).Select(b => b.Key)]);
}
