using Orleans.Runtime;
using Prow.Runtime.Activation;
using Prow.Runtime.Messaging;

namespace Prow.Runtime.Timers;

/// <summary>
/// An in-memory timer of one activation. Each tick is delivered as a turn (or interleaved, if asked), and the next
/// tick is armed only after the callback finishes, so ticks never overlap. Gone with the activation.
/// </summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly ActivationData _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly GrainTimerCreationOptions _options;
    private readonly Action<GrainTimer> _onDispose;
    private readonly CancellationTokenSource _disposed = new();
    private readonly ITimer _timer;
    private TimeSpan _period;

    public GrainTimer(ActivationData activation, TimeProvider timeProvider, Func<CancellationToken, Task> callback, GrainTimerCreationOptions options, Action<GrainTimer> onDispose)
    {
        _activation = activation;
        _callback = callback;
        _options = options;
        _onDispose = onDispose;
        _period = options.Period;
        _timer = timeProvider.CreateTimer(static s => ((GrainTimer)s!).Tick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Start() => _timer.Change(_options.DueTime, Timeout.InfiniteTimeSpan);

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        _period = period;
        if (!_disposed.IsCancellationRequested)
        {
            _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        _disposed.Cancel();
        _timer.Dispose();
        _onDispose(this);
    }

    private void Tick()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        var message = new DelegateMessage("timer", _ => _callback(_disposed.Token))
        {
            Interleave = _options.Interleave,
            KeepsAlive = _options.KeepAlive,
        };
        if (_activation.TryEnqueue(message) != EnqueueResult.Accepted)
        {
            Dispose();
            return;
        }

        message.Task.ContinueWith(
            static (t, s) => ((GrainTimer)s!).TickEnded(t),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void TickEnded(Task tick)
    {
        if (tick.Exception is { } error)
        {
            _activation.LogTimerFailure(error.InnerException ?? error);
        }

        if (!_disposed.IsCancellationRequested && _period != Timeout.InfiniteTimeSpan)
        {
            try
            {
                _timer.Change(_period, Timeout.InfiniteTimeSpan);
            }
            catch (ObjectDisposedException)
            {
                // Disposed between the check and the change: nothing to arm.
            }
        }
    }
}
