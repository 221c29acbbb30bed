using System.Threading.Channels;

namespace Prow.Ingress;

/// <summary>
/// Group commit: callers queue items, one writer takes everything waiting (up to a batch limit) and commits it in
/// one go. Under load batches grow by themselves, so one durable flush serves many callers.
/// </summary>
internal sealed class GroupCommitQueue<TItem, TResult> : IAsyncDisposable
{
    private readonly Channel<(TItem Item, TaskCompletionSource<TResult> Completion)> _channel =
        Channel.CreateUnbounded<(TItem, TaskCompletionSource<TResult>)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Func<IReadOnlyList<TItem>, CancellationToken, Task<IReadOnlyList<TResult>>> _commit;
    private readonly int _maxBatch;
    private readonly Task _writer;

    public GroupCommitQueue(Func<IReadOnlyList<TItem>, CancellationToken, Task<IReadOnlyList<TResult>>> commit, int maxBatch)
    {
        _commit = commit;
        _maxBatch = maxBatch;
        _writer = Task.Run(WriteLoopAsync);
    }

    public long Batches { get; private set; }

    public long Items { get; private set; }

    public Task<TResult> EnqueueAsync(TItem item)
    {
        var completion = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_channel.Writer.TryWrite((item, completion)))
        {
            completion.SetException(new InvalidOperationException("The commit queue is closed."));
        }

        return completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteLoopAsync()
    {
        var reader = _channel.Reader;
        var batch = new List<(TItem Item, TaskCompletionSource<TResult> Completion)>(_maxBatch);
        while (await reader.WaitToReadAsync())
        {
            while (batch.Count < _maxBatch && reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            try
            {
                var results = await _commit([.. batch.Select(b => b.Item)], CancellationToken.None);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Completion.TrySetResult(results[i]);
                }
            }
            catch (Exception ex)
            {
                foreach (var entry in batch)
                {
                    entry.Completion.TrySetException(ex);
                }
            }

            Batches++;
            Items += batch.Count;
            batch.Clear();
        }
    }
}
