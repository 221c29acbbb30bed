using Prow.Services.Admin;

namespace Prow.Storage;

/// <summary>For memory storage: Orleans' memory grain storage cannot be listed, and the admin page says so.</summary>
internal sealed class UnlistedStoredStateReader : IStoredStateReader
{
    public bool CanList => false;

    public Task<IReadOnlyList<StoredGrainState>> ReadStatesAsync(string grainType, string key, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredGrainState>>([]);

    public Task<IReadOnlyList<string>> ListKeysAsync(string grainType, string? afterKey, int maxCount, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
