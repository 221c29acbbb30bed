namespace Prow.Services.Admin;

/// <summary>A persisted grain state as stored: its name, version and JSON.</summary>
public sealed record StoredGrainState(string StateName, string ETag, string Json, DateTimeOffset? UpdatedAt);

/// <summary>
/// Read-only access to what the grain storage holds, for the admin page (Orleans' dashboard shows activations, not
/// stored state). Not for grain code: grains read their own state through Orleans.
/// </summary>
public interface IStoredStateReader
{
    /// <summary>Whether this storage can be listed at all (memory storage cannot).</summary>
    bool CanList { get; }

    Task<IReadOnlyList<StoredGrainState>> ReadStatesAsync(string grainType, string key, CancellationToken cancellationToken);

    /// <summary>Keys of stored grains of one type, in key order, after <paramref name="afterKey"/>.</summary>
    Task<IReadOnlyList<string>> ListKeysAsync(string grainType, string? afterKey, int maxCount, CancellationToken cancellationToken);
}
