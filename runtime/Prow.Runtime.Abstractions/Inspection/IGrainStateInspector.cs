using Orleans.Runtime;

namespace Prow.Runtime.Inspection;

/// <summary>A persisted state as stored: its name, version and JSON.</summary>
public sealed record StoredGrainState(string StateName, string ETag, string Json, DateTimeOffset? UpdatedAt);

/// <summary>Read-only access to what a storage provider holds, for the admin dashboard. Not for grain code.</summary>
public interface IGrainStateInspector
{
    Task<IReadOnlyList<StoredGrainState>> ReadStatesAsync(GrainId grainId, CancellationToken cancellationToken);

    /// <summary>Keys of stored grains of one type, in key order, after <paramref name="afterKey"/>.</summary>
    Task<IReadOnlyList<string>> ListKeysAsync(string grainType, string? afterKey, int maxCount, CancellationToken cancellationToken);
}
