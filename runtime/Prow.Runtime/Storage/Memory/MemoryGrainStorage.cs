using System.Globalization;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace Prow.Runtime.Storage.Memory;

/// <summary>Grain state in memory, serialized like a real store so no reference is shared with the grain.</summary>
public sealed class MemoryGrainStorage(MemoryStore store) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        lock (store.Lock)
        {
            if (store.States.TryGetValue((stateName, grainId), out var row))
            {
                grainState.State = GrainStateSerializer.Deserialize<T>(row.Payload);
                grainState.ETag = row.Version.ToString(CultureInfo.InvariantCulture);
                grainState.RecordExists = true;
            }
            else
            {
                grainState.ETag = null;
                grainState.RecordExists = false;
            }
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var payload = GrainStateSerializer.Serialize(grainState.State);
        lock (store.Lock)
        {
            var stored = store.States.TryGetValue((stateName, grainId), out var row) ? row.Version.ToString(CultureInfo.InvariantCulture) : null;
            if (stored != grainState.ETag)
            {
                throw new InconsistentStateException($"Version conflict writing {stateName} of {grainId}", stored, grainState.ETag);
            }

            var version = row.Version + 1;
            store.States[(stateName, grainId)] = (payload, version);
            grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        lock (store.Lock)
        {
            var stored = store.States.TryGetValue((stateName, grainId), out var row) ? row.Version.ToString(CultureInfo.InvariantCulture) : null;
            if (stored != grainState.ETag)
            {
                throw new InconsistentStateException($"Version conflict clearing {stateName} of {grainId}", stored, grainState.ETag);
            }

            store.States.Remove((stateName, grainId));
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }
}
