using Orleans;

namespace Prow.GrainInterfaces.Tide;

/// <summary>Every merge pool that has had pull requests (key "all"): what <c>/tide.js</c> lists.</summary>
public interface ITidePoolsGrain : IGrainWithStringKey
{
    Task AddAsync(string poolKey);

    Task<IReadOnlyList<string>> ListAsync();
}
