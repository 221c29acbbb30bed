using Orleans;
using Prow.GrainInterfaces;
using Prow.GrainInterfaces.Tide;

namespace Prow.Services.Tide;

/// <summary>Every merge pool's current view and history: what deck's tide pages and <c>/tide.js</c> show.</summary>
public static class TideOverview
{
    public static async Task<IReadOnlyList<MergePoolView>> PoolsAsync(IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var pools = new List<MergePoolView>();
        foreach (var key in await grains.GetGrain<ITidePoolsGrain>("all").ListAsync())
        {
            pools.Add(await grains.GetGrain<IMergePoolGrain>(key).GetAsync());
        }

        return pools;
    }

    /// <summary>Each pool's actions, newest first, in pool key order.</summary>
    public static async Task<IReadOnlyList<PoolHistory>> HistoryAsync(IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var history = new List<PoolHistory>();
        foreach (var key in await grains.GetGrain<ITidePoolsGrain>("all").ListAsync())
        {
            if (GrainKeys.TryParseMergePool(key, out var org, out var repo, out var branch))
            {
                history.Add(new PoolHistory(org, repo, branch, await grains.GetGrain<IMergePoolGrain>(key).GetHistoryAsync()));
            }
        }

        return history;
    }
}
