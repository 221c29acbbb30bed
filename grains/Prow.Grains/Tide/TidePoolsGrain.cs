using Prow.GrainInterfaces.Tide;

namespace Prow.Grains.Tide;

/// <summary>The keys of every merge pool that has had pull requests, for <c>/tide.js</c>.</summary>
public sealed class TidePoolsGrain([PersistentState("tidepools")] IPersistentState<TidePoolsState> state) : Grain, ITidePoolsGrain
{
    async Task ITidePoolsGrain.AddAsync(string poolKey)
    {
        if (state.State.PoolKeys.Add(poolKey))
        {
            await state.WriteStateAsync();
        }
    }

    Task<IReadOnlyList<string>> ITidePoolsGrain.ListAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.PoolKeys.Order(StringComparer.Ordinal)]);
}
