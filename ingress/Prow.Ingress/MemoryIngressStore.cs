namespace Prow.Ingress;

/// <summary>The inbox in memory, for tests and <c>--storage memory:</c>. It outlives a pipeline when a test keeps it, which is how a restart is modelled.</summary>
public sealed class MemoryIngressStore(TimeProvider timeProvider) : IIngressStore
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<long, Row> _rows = [];
    private readonly Dictionary<string, long> _byDedupeKey = new(StringComparer.Ordinal);
    private long _nextId = 1;

    private enum RowStatus
    {
        Pending,
        Completed,
        Failed,
    }

    public Task<IReadOnlyList<IngressAppendResult>> AppendAsync(IReadOnlyList<IngressMessage> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var results = new IngressAppendResult[batch.Count];
        lock (_lock)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var message = batch[i];
                if (message.DedupeKey is { } key && _byDedupeKey.TryGetValue(key, out var existing))
                {
                    results[i] = new IngressAppendResult(existing, Duplicate: true);
                    continue;
                }

                var id = _nextId++;
                _rows[id] = new Row(new IngressEntry(id, message.Kind, message.DedupeKey, message.Payload.ToArray(), timeProvider.GetUtcNow(), 0));
                if (message.DedupeKey is { } newKey)
                {
                    _byDedupeKey[newKey] = id;
                }

                results[i] = new IngressAppendResult(id, Duplicate: false);
            }
        }

        return Task.FromResult<IReadOnlyList<IngressAppendResult>>(results);
    }

    public Task<IReadOnlyList<IngressEntry>> ReadPendingAsync(long afterId, int maxCount, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<IngressEntry>>([.. _rows.Where(r => r.Key > afterId && r.Value.Status == RowStatus.Pending).Take(maxCount).Select(r => r.Value.Entry)]);
        }
    }

    public Task CompleteAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (_lock)
        {
            foreach (var id in ids)
            {
                if (_rows.TryGetValue(id, out var row))
                {
                    row.Status = RowStatus.Completed;
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task RecordFailureAsync(long id, string errorMessage, bool final, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_rows.TryGetValue(id, out var row))
            {
                row.Entry = row.Entry with { Attempts = row.Entry.Attempts + 1 };
                row.LastError = errorMessage;
                if (final)
                {
                    row.Status = RowStatus.Failed;
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<int> PruneCompletedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var old = _rows.Where(r => r.Value.Status == RowStatus.Completed && r.Value.Entry.AcceptedAt < olderThan).ToList();
            foreach (var (id, row) in old)
            {
                _rows.Remove(id);
                if (row.Entry.DedupeKey is { } key)
                {
                    _byDedupeKey.Remove(key);
                }
            }

            return Task.FromResult(old.Count);
        }
    }

    public Task<IngressCounts> CountAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var rows = _rows.Values;
            return Task.FromResult(new IngressCounts(
                rows.Count(r => r.Status == RowStatus.Pending),
                rows.Count(r => r.Status == RowStatus.Completed),
                rows.Count(r => r.Status == RowStatus.Failed)));
        }
    }

    public Task<IReadOnlySet<string>> FindDedupeKeysAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_lock)
        {
            return Task.FromResult<IReadOnlySet<string>>(keys.Where(_byDedupeKey.ContainsKey).ToHashSet(StringComparer.Ordinal));
        }
    }

    public Task<DateTimeOffset?> LatestAcceptedAsync(string kind, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.Values.Where(r => r.Entry.Kind == kind).Select(r => (DateTimeOffset?)r.Entry.AcceptedAt).LastOrDefault());
        }
    }

    private sealed class Row(IngressEntry entry)
    {
        public IngressEntry Entry { get; set; } = entry;

        public RowStatus Status { get; set; } = RowStatus.Pending;

        public string? LastError { get; set; }
    }
}
