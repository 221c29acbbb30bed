namespace Prow.Ingress.Tests;

/// <summary>A store whose appends wait at a gate the test opens, to hold a caller inside the commit; it records the batch sizes.</summary>
internal sealed class GatedStore(IIngressStore inner) : IIngressStore
{
    private readonly Lock _lock = new();
    private readonly List<int> _batchSizes = [];
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when an append has reached the gate.</summary>
    public Task AppendEntered => _entered.Task;

    /// <summary>What every append throws once through the gate, when set.</summary>
    public Exception? AppendError { get; set; }

    public IReadOnlyList<int> BatchSizes
    {
        get
        {
            lock (_lock)
            {
                return [.. _batchSizes];
            }
        }
    }

    public void Open() => _gate.TrySetResult();

    public async Task<IReadOnlyList<IngressAppendResult>> AppendAsync(IReadOnlyList<IngressMessage> batch, CancellationToken cancellationToken)
    {
        _entered.TrySetResult();
        await _gate.Task;
        lock (_lock)
        {
            _batchSizes.Add(batch.Count);
        }

        if (AppendError is { } error)
        {
            throw error;
        }

        return await inner.AppendAsync(batch, cancellationToken);
    }

    public Task<IReadOnlyList<IngressEntry>> ReadPendingAsync(long afterId, int maxCount, CancellationToken cancellationToken) => inner.ReadPendingAsync(afterId, maxCount, cancellationToken);

    public Task CompleteAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken) => inner.CompleteAsync(ids, cancellationToken);

    public Task RecordFailureAsync(long id, string errorMessage, bool final, CancellationToken cancellationToken) => inner.RecordFailureAsync(id, errorMessage, final, cancellationToken);

    public Task<int> PruneCompletedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) => inner.PruneCompletedAsync(olderThan, cancellationToken);

    public Task<IngressCounts> CountAsync(CancellationToken cancellationToken) => inner.CountAsync(cancellationToken);

    public Task<IReadOnlySet<string>> FindDedupeKeysAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) => inner.FindDedupeKeysAsync(keys, cancellationToken);

    public Task<DateTimeOffset?> LatestAcceptedAsync(string kind, CancellationToken cancellationToken) => inner.LatestAcceptedAsync(kind, cancellationToken);
}
