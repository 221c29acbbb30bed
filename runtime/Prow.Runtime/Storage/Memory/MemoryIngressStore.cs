using Prow.Runtime.Ingress;

namespace Prow.Runtime.Storage.Memory;

public sealed class MemoryIngressStore(MemoryStore store, TimeProvider timeProvider) : IIngressStore
{
    public Task<IReadOnlyList<IngressAppendResult>> AppendAsync(IReadOnlyList<IngressMessage> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var results = new IngressAppendResult[batch.Count];
        lock (store.Lock)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var message = batch[i];
                if (message.DedupeKey is { } key && store.IngressByDedupeKey.TryGetValue(key, out var existing))
                {
                    results[i] = new IngressAppendResult(existing, Duplicate: true);
                    continue;
                }

                var id = store.NextIngressId++;
                store.Ingress[id] = new MemoryStore.IngressRow(new IngressEntry(id, message.Kind, message.DedupeKey, message.Payload.ToArray(), timeProvider.GetUtcNow(), 0));
                if (message.DedupeKey is { } newKey)
                {
                    store.IngressByDedupeKey[newKey] = id;
                }

                results[i] = new IngressAppendResult(id, Duplicate: false);
            }
        }

        return Task.FromResult<IReadOnlyList<IngressAppendResult>>(results);
    }

    public Task<IReadOnlyList<IngressEntry>> ReadPendingAsync(long afterId, int maxCount, CancellationToken cancellationToken)
    {
        lock (store.Lock)
        {
            return Task.FromResult<IReadOnlyList<IngressEntry>>([.. store.Ingress.Where(r => r.Key > afterId && r.Value.Status == MemoryStore.IngressRowStatus.Pending).Take(maxCount).Select(r => r.Value.Entry)]);
        }
    }

    public Task CompleteAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (store.Lock)
        {
            foreach (var id in ids)
            {
                if (store.Ingress.TryGetValue(id, out var row))
                {
                    row.Status = MemoryStore.IngressRowStatus.Completed;
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task RecordFailureAsync(long id, string errorMessage, bool final, CancellationToken cancellationToken)
    {
        lock (store.Lock)
        {
            if (store.Ingress.TryGetValue(id, out var row))
            {
                row.Entry = row.Entry with { Attempts = row.Entry.Attempts + 1 };
                row.LastError = errorMessage;
                if (final)
                {
                    row.Status = MemoryStore.IngressRowStatus.Failed;
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<int> PruneCompletedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        lock (store.Lock)
        {
            var old = store.Ingress.Where(r => r.Value.Status == MemoryStore.IngressRowStatus.Completed && r.Value.Entry.AcceptedAt < olderThan).ToList();
            foreach (var (id, row) in old)
            {
                store.Ingress.Remove(id);
                if (row.Entry.DedupeKey is { } key)
                {
                    store.IngressByDedupeKey.Remove(key);
                }
            }

            return Task.FromResult(old.Count);
        }
    }

    public Task<IngressCounts> CountAsync(CancellationToken cancellationToken)
    {
        lock (store.Lock)
        {
            var rows = store.Ingress.Values;
            return Task.FromResult(new IngressCounts(
                rows.Count(r => r.Status == MemoryStore.IngressRowStatus.Pending),
                rows.Count(r => r.Status == MemoryStore.IngressRowStatus.Completed),
                rows.Count(r => r.Status == MemoryStore.IngressRowStatus.Failed)));
        }
    }
}
