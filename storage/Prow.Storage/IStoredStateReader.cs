using Orleans.Runtime;

namespace Prow.Storage;

/// <summary>A persisted grain state as stored: its name, ETag and JSON, and when it was last written (if the store knows).</summary>
public sealed record StoredState(string StateName, string ETag, string Json, DateTimeOffset? UpdatedAt);

/// <summary>
/// Read-only listing of what the grain storage holds, which Orleans' <c>IGrainStorage</c> cannot do: for the admin
/// page and the sinker. Not for grain code, which reads its own state through Orleans.
/// </summary>
public interface IStoredStateReader
{
    /// <summary>Every stored state of one grain, by state name.</summary>
    /// <param name="grainType">The grain type as Orleans names it (<c>GrainId.Type.ToString()</c>), e.g. <c>prowjob</c>.</param>
    /// <param name="key">The grain key (<c>GrainId.Key.ToString()</c>).</param>
    Task<IReadOnlyList<StoredState>> ReadStatesAsync(string grainType, string key, CancellationToken cancellationToken = default);

    /// <summary>Keys of grains of one type that have stored state, in ordinal key order, after <paramref name="afterKey"/> (exclusive; null: from the start).</summary>
    Task<IReadOnlyList<string>> ListKeysAsync(string grainType, string? afterKey, int maxCount, CancellationToken cancellationToken = default);
}

public static class StoredStateReaderExtensions
{
    /// <summary>Every stored state of <paramref name="grainId"/>, by state name.</summary>
    public static Task<IReadOnlyList<StoredState>> ReadStatesAsync(this IStoredStateReader reader, GrainId grainId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.ReadStatesAsync(grainId.Type.ToString()!, grainId.Key.ToString(), cancellationToken);
    }
}
