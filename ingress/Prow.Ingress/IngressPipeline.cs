using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Prow.Ingress;

/// <summary>
/// The durable inbox in motion: accept = append and commit (grouped) before answering; then hand each input to its
/// handler in arrival order, mark it complete when the handler's turn has committed, retry failures with backoff,
/// park an input after too many failures, and replay whatever was pending when the process last stopped.
/// Inputs naming a target (<see cref="IIngressHandler.TargetOf"/>) are handled one at a time per target: the one in
/// hand holds a handling slot, the others wait in their target's queue without one, so a target that does not
/// answer holds one slot and never the inputs behind it for other targets.
/// </summary>
public sealed class IngressPipeline : IAsyncDisposable
{
    private const int ReplayPageSize = 1000;

    private readonly IIngressStore _store;
    private readonly Dictionary<string, IIngressHandler> _handlers;
    private readonly IngressOptions _options;
    private readonly IngressMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly GroupCommitQueue<IngressMessage, IngressAppendResult> _appends;
    private readonly Channel<IngressEntry> _dispatch = Channel.CreateUnbounded<IngressEntry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<long> _completions = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _concurrency;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _inFlightLock = new();
    private readonly Dictionary<string, Queue<IngressEntry>> _busyTargets = new(StringComparer.Ordinal);
    private TaskCompletionSource? _drained;
    private int _inFlight;
    private Task? _dispatcher;
    private Task? _completer;
    private Task? _leases;
    private ITimer? _pruneTimer;
    private volatile bool _accepting = true;

    public IngressPipeline(IIngressStore store, IEnumerable<IIngressHandler> handlers, IngressOptions options, IngressMetrics statistics, TimeProvider timeProvider, ILogger<IngressPipeline> logger)
    {
        _store = store;
        _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
        _options = options;
        _metrics = statistics;
        _time = timeProvider;
        _log = logger;
        _concurrency = new SemaphoreSlim(options.Concurrency);
        _appends = new GroupCommitQueue<IngressMessage, IngressAppendResult>(CommitAsync, maxBatch: 512);
    }

    /// <summary>True once pending inputs from the last run have been queued for handling.</summary>
    public bool IsReady { get; private set; }

    /// <summary>Appends batches committed and inputs in them, for the benchmark and the dashboard.</summary>
    public (long Batches, long Items) CommitStatistics => (_appends.Batches, _appends.Items);

    /// <summary>Stores the input durably and returns once it is committed; a duplicate dedupe key is reported, not stored.</summary>
    public async Task<IngressAppendResult> AcceptAsync(IngressMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!_handlers.ContainsKey(message.Kind))
        {
            throw new ArgumentException($"No ingress handler is registered for kind '{message.Kind}'.", nameof(message));
        }

        if (!_accepting)
        {
            throw new InvalidOperationException("Ingress is shutting down and accepts no more inputs.");
        }

        // Dispatch happens in the commit (see CommitAsync), not here: a caller that stops waiting (the sender hung up)
        // must not leave a committed input undispatched until a restart, its redelivery refused as a duplicate.
        return await _appends.EnqueueAsync(message).WaitAsync(cancellationToken);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _completer = Task.Run(CompleteLoopAsync, CancellationToken.None);
        _pruneTimer = _time.CreateTimer(static s => _ = ((IngressPipeline)s!).PruneAsync(), this, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
        if (_options.Hold)
        {
            IngressLog.Held(_log);
            IsReady = true;
            return;
        }

        long afterId = 0;
        var replayed = 0;
        while (true)
        {
            var page = await _store.ReadPendingAsync(afterId, ReplayPageSize, cancellationToken);
            foreach (var entry in page)
            {
                _metrics.Replayed();
                _dispatch.Writer.TryWrite(entry);
            }

            replayed += page.Count;
            if (page.Count < ReplayPageSize)
            {
                break;
            }

            afterId = page[^1].Id;
        }

        if (replayed > 0)
        {
            IngressLog.Replay(_log, replayed);
        }

        _dispatcher = Task.Run(DispatchLoopAsync, CancellationToken.None);
        if (_store is ILeasedIngressStore leased)
        {
            _leases = Task.Run(() => LeaseLoopAsync(leased), CancellationToken.None);
        }

        IsReady = true;
    }

    /// <summary>Stops accepting, lets in-flight handlers finish (bounded by <paramref name="cancellationToken"/>), flushes completions.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _accepting = false;
        _dispatch.Writer.TryComplete();
        if (_dispatcher is not null)
        {
            await _dispatcher.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        Task drained;
        lock (_inFlightLock)
        {
            drained = _inFlight == 0 ? Task.CompletedTask : (_drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }

        await drained.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _stopping.CancelAsync();
        _completions.Writer.TryComplete();
        if (_completer is not null)
        {
            await _completer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (_leases is not null)
        {
            await _leases.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _pruneTimer?.Dispose();
        await _appends.DisposeAsync();
        _concurrency.Dispose();
        _stopping.Dispose();
    }

    /// <summary>
    /// Commits a group of inputs, then queues the new ones for handling in the order of their ids, before any caller
    /// is answered: that order is their arrival order, the order a replay hands them out in too.
    /// </summary>
    private async Task<IReadOnlyList<IngressAppendResult>> CommitAsync(IReadOnlyList<IngressMessage> batch, CancellationToken cancellationToken)
    {
        var results = await _store.AppendAsync(batch, cancellationToken);
        var acceptedAt = _time.GetUtcNow();
        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].Duplicate)
            {
                _metrics.Duplicate();
                continue;
            }

            _metrics.Accepted();
            if (!_options.Hold)
            {
                var message = batch[i];
                _dispatch.Writer.TryWrite(new IngressEntry(results[i].Id, message.Kind, message.DedupeKey, message.Payload, acceptedAt, 0));
            }
        }

        return results;
    }

    private async Task DispatchLoopAsync()
    {
        await foreach (var entry in _dispatch.Reader.ReadAllAsync())
        {
            var target = TargetOf(entry);
            if (target is not null)
            {
                lock (_inFlightLock)
                {
                    if (_busyTargets.TryGetValue(target, out var waiting))
                    {
                        // Its target is busy: it waits there, holding no slot, and starts when the one before it ends.
                        waiting.Enqueue(entry);
                        continue;
                    }

                    _busyTargets[target] = new Queue<IngressEntry>();
                }
            }

            await _concurrency.WaitAsync();
            if (_stopping.IsCancellationRequested)
            {
                // Past the stop deadline: what is still queued stays pending for the next start.
                _concurrency.Release();
                break;
            }

            lock (_inFlightLock)
            {
                _inFlight++;
            }

            Start(entry, target);
        }
    }

    private string? TargetOf(IngressEntry entry)
    {
        try
        {
            return _handlers.TryGetValue(entry.Kind, out var handler) ? handler.TargetOf(entry) : null;
        }
        catch (Exception ex)
        {
            // An input whose target cannot be read is handled on its own; its handler will say what is wrong with it.
            IngressLog.NoTarget(_log, ex, entry.Id, entry.Kind);
            return null;
        }
    }

    private void Start(IngressEntry entry, string? target)
    {
        Task handling;
        try
        {
            handling = _handlers[entry.Kind].HandleAsync(entry, _stopping.Token);
        }
        catch (Exception ex)
        {
            handling = Task.FromException(ex);
        }

        _ = handling.ContinueWith(
            static (t, s) => { var (pipeline, e, target) = ((IngressPipeline, IngressEntry, string?))s!; return pipeline.HandledAsync(e, target, t); },
            (this, entry, target),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default).Unwrap();
    }

    private async Task HandledAsync(IngressEntry entry, string? target, Task handling)
    {
        try
        {
            if (handling.IsCompletedSuccessfully)
            {
                // Past the stop deadline the completions are closed: the input stays pending and is handled again.
                if (_completions.Writer.TryWrite(entry.Id))
                {
                    _metrics.Handled();
                }

                return;
            }

            if (_stopping.IsCancellationRequested)
            {
                // Cut short by the stop (or failed past its deadline, when what the handler calls may be stopping too):
                // not an attempt of its own. It stays pending and is replayed on the next start.
                return;
            }

            Exception error = handling.Exception?.InnerException ?? (Exception?)handling.Exception ?? new OperationCanceledException("The handler was cancelled.");
            if (_options.IsTransient?.Invoke(error) == true)
            {
                IngressLog.Transient(_log, entry.Id, entry.Kind, error.Message);
                _ = RedispatchAfterAsync(entry, _options.TransientRetryDelay);
                return;
            }

            var attempt = entry.Attempts + 1;
            var final = attempt >= _options.MaxAttempts;
            IngressLog.Failed(_log, error, entry.Id, entry.Kind, attempt, final);
            _metrics.Failed(final);
            try
            {
                await _store.RecordFailureAsync(entry.Id, error.Message, final, CancellationToken.None);
            }
            catch (Exception ex)
            {
                IngressLog.StoreFailed(_log, ex);
            }

            if (!final && !_stopping.IsCancellationRequested)
            {
                var backoff = TimeSpan.FromMilliseconds(Math.Min(30_000, 100 * Math.Pow(4, attempt - 1)));
                _ = RedispatchAfterAsync(entry with { Attempts = attempt }, backoff);
            }
        }
        finally
        {
            IngressEntry? next = null;
            lock (_inFlightLock)
            {
                if (target is not null && _busyTargets.TryGetValue(target, out var waiting))
                {
                    if (waiting.Count > 0 && !_stopping.IsCancellationRequested)
                    {
                        next = waiting.Dequeue();
                    }
                    else
                    {
                        // Past the stop deadline what waits here stays pending in the store for the next start.
                        _busyTargets.Remove(target);
                    }
                }

                if (next is null && --_inFlight == 0)
                {
                    _drained?.TrySetResult();
                }
            }

            if (next is null)
            {
                _concurrency.Release();
            }
            else
            {
                // The next input for the same target takes over this one's slot (and its place in the in-flight count),
                // started from the thread pool so a long queue of handlers that finish at once does not nest.
                ThreadPool.UnsafeQueueUserWorkItem(static s => s.Pipeline.Start(s.Next, s.Target), (Pipeline: this, Next: next, Target: target), preferLocal: false);
            }
        }
    }

    private async Task RedispatchAfterAsync(IngressEntry entry, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _time, _stopping.Token);
            _dispatch.Writer.TryWrite(entry);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the entry stays pending in the store and is replayed on the next start.
        }
    }

    private async Task CompleteLoopAsync()
    {
        var batch = new List<long>(1024);
        while (await _completions.Reader.WaitToReadAsync())
        {
            while (batch.Count < 1024 && _completions.Reader.TryRead(out var id))
            {
                batch.Add(id);
            }

            try
            {
                await _store.CompleteAsync(batch, CancellationToken.None);
            }
            catch (Exception ex)
            {
                // Left pending: they are handled again after a restart, which handlers tolerate.
                IngressLog.StoreFailed(_log, ex);
            }

            batch.Clear();
        }
    }

    /// <summary>
    /// On an inbox shared by several processes: keeps this process's leases alive (a third of the lease apart), and
    /// takes the entries of a process whose leases ran out, which is how a dead gateway's deliveries get handled.
    /// </summary>
    private async Task LeaseLoopAsync(ILeasedIngressStore leased)
    {
        var period = leased.Lease / 3;
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, _time, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await leased.RenewAsync(_stopping.Token);
                if (!_accepting)
                {
                    continue;
                }

                IReadOnlyList<IngressEntry> taken;
                do
                {
                    taken = await leased.ClaimExpiredAsync(ReplayPageSize, _stopping.Token);
                    foreach (var entry in taken)
                    {
                        _metrics.Replayed();
                        _dispatch.Writer.TryWrite(entry);
                    }

                    if (taken.Count > 0)
                    {
                        IngressLog.TookExpired(_log, taken.Count);
                    }
                }
                while (taken.Count == ReplayPageSize);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                IngressLog.StoreFailed(_log, ex);
            }
        }
    }

    private async Task PruneAsync()
    {
        try
        {
            await _store.PruneCompletedAsync(_time.GetUtcNow() - _options.Retention, CancellationToken.None);
        }
        catch (Exception ex)
        {
            IngressLog.StoreFailed(_log, ex);
        }
    }
}
