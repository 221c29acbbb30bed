using Orleans.Runtime;

namespace Orleans.Storage;

/// <summary>
/// A grain state storage provider. Writes are conditional on <see cref="IGrainState{T}.ETag"/>:
/// a stale ETag throws <see cref="InconsistentStateException"/>.
/// </summary>
public interface IGrainStorage
{
    Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);
}
