using System.Globalization;
using System.Text;
using Orleans.Runtime;
using Prow.Runtime.Inspection;

namespace Prow.Runtime.Storage.Memory;

public sealed class MemoryGrainStateInspector(MemoryStore store) : IGrainStateInspector
{
    public Task<IReadOnlyList<StoredGrainState>> ReadStatesAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        lock (store.Lock)
        {
            return Task.FromResult<IReadOnlyList<StoredGrainState>>([.. store.States
                .Where(s => s.Key.GrainId == grainId)
                .OrderBy(s => s.Key.StateName, StringComparer.Ordinal)
                .Select(s => new StoredGrainState(s.Key.StateName, s.Value.Version.ToString(CultureInfo.InvariantCulture), Encoding.UTF8.GetString(s.Value.Payload), null))]);
        }
    }

    public Task<IReadOnlyList<string>> ListKeysAsync(string grainType, string? afterKey, int maxCount, CancellationToken cancellationToken)
    {
        lock (store.Lock)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. store.States.Keys
                .Where(k => k.GrainId.Type == grainType && (afterKey is null || string.CompareOrdinal(k.GrainId.Key, afterKey) > 0))
                .Select(k => k.GrainId.Key)
                .Distinct()
                .Order(StringComparer.Ordinal)
                .Take(maxCount)]);
        }
    }
}
