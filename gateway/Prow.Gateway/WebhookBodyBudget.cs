namespace Prow.Gateway;

/// <summary>
/// How many bytes of webhook bodies may be held in memory at once, across all requests: a body's announced size is
/// reserved before a byte of it is read, and posts that do not fit wait their turn in arrival order. Without it, 24
/// wrongly signed 25 MB posts were read at once (over a gigabyte) before any signature could be checked.
/// </summary>
public sealed class WebhookBodyBudget
{
    private readonly Lock _lock = new();
    private readonly LinkedList<(long Bytes, TaskCompletionSource Granted)> _waiting = [];
    private long _available;

    public WebhookBodyBudget(long capacityBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityBytes, 1);
        Capacity = capacityBytes;
        _available = capacityBytes;
        // Every body being read may hold one partly filled segment beyond its reservation.
        var segments = (int)Math.Min(int.MaxValue, (capacityBytes / PooledBody.SegmentSize) + 64);
        Pool = System.Buffers.ArrayPool<byte>.Create(PooledBody.SegmentSize, segments);
    }

    public long Capacity { get; }

    /// <summary>The segments bodies are read into: reused from body to body, never more than the budget's worth kept.</summary>
    public System.Buffers.ArrayPool<byte> Pool { get; }

    /// <summary>Bytes reserved by bodies being read or checked now.</summary>
    public long InUse
    {
        get
        {
            lock (_lock)
            {
                return Capacity - _available;
            }
        }
    }

    /// <summary>Posts waiting for room before their body is read.</summary>
    public int Waiting
    {
        get
        {
            lock (_lock)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>Waits until <paramref name="bytes"/> (at most the whole budget) are free and takes them; dispose the result to give them back.</summary>
    public async ValueTask<IDisposable> ReserveAsync(long bytes, CancellationToken cancellationToken)
    {
        bytes = Math.Clamp(bytes, 1, Capacity);
        LinkedListNode<(long, TaskCompletionSource)> node;
        lock (_lock)
        {
            if (_waiting.Count == 0 && _available >= bytes)
            {
                _available -= bytes;
                return new Reservation(this, bytes);
            }

            node = _waiting.AddLast((bytes, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)));
        }

        try
        {
            await node.Value.Item2.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            bool granted;
            lock (_lock)
            {
                granted = node.List is null;
                if (!granted)
                {
                    _waiting.Remove(node);
                }
            }

            // Given up while the grant was on its way: hand the bytes on. Either way the next in line may now fit.
            Release(granted ? bytes : 0);
            throw;
        }

        return new Reservation(this, bytes);
    }

    private void Release(long bytes)
    {
        List<TaskCompletionSource> granted = [];
        lock (_lock)
        {
            _available += bytes;
            while (_waiting.First is { Value: var (wanted, grant) } && wanted <= _available)
            {
                _available -= wanted;
                _waiting.RemoveFirst();
                granted.Add(grant);
            }
        }

        foreach (var grant in granted)
        {
            grant.TrySetResult();
        }
    }

    private sealed class Reservation(WebhookBodyBudget budget, long bytes) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                budget.Release(bytes);
            }
        }
    }
}
