using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Orleans.Timers;
using Prow.Runtime.Messaging;
using Prow.Runtime.Reminders;
using Prow.Runtime.Timers;

namespace Prow.Runtime.Activation;

/// <summary>
/// One activation of one grain: its mailbox, its scheduler, its lifecycle. Non-reentrant grains run one message
/// at a time to completion (a turn); reentrant grains and interleaving messages run as they arrive, still on one
/// thread at a time because every continuation goes through the activation's scheduler.
/// </summary>
internal sealed partial class ActivationData : IGrainContext
{
    private static readonly Func<object?, Task> s_runLoop = static state => ((ActivationData)state!).RunLoopAsync();

    private readonly Lock _lock = new();
    private readonly GrainRuntime _runtime;
    private readonly ActivationTaskScheduler _scheduler = new();
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Queue<Message>? _queue;
    private bool _loopRunning;
    private long _turnCounter;
    private long _currentTurnId;
    private long _lastActive;
    private long _keepAliveUntil;
    private DeactivationReason? _pendingDeactivation;
    private bool _drainBeforeDeactivation;
    private List<GrainTimer>? _timers;
    private List<Task>? _interleavedTurns;
    private ActivationReminderRegistry? _reminders;

    public ActivationData(GrainRuntime runtime, GrainClassInfo classInfo, GrainId grainId)
    {
        _runtime = runtime;
        ClassInfo = classInfo;
        GrainId = grainId;
        _lastActive = runtime.TimeProvider.GetTimestamp();
    }

    public GrainId GrainId { get; }

    public GrainClassInfo ClassInfo { get; }

    public ActivationStatus Status { get; private set; } = ActivationStatus.Created;

    public object? GrainInstance { get; private set; }

    public Task Deactivated => _deactivated.Task;

    public IGrainFactory GrainFactory => _runtime;

    public IServiceProvider ActivationServices => _runtime.Services;

    public IReminderRegistry Reminders => _reminders ??= new ActivationReminderRegistry(_runtime.Reminders, GrainId, ClassInfo);

    internal ActivationTaskScheduler Scheduler => _scheduler;

    internal int QueueLength
    {
        get
        {
            lock (_lock)
            {
                return _queue?.Count ?? 0;
            }
        }
    }

    public EnqueueResult TryEnqueue(Message message)
    {
        bool startLoop;
        lock (_lock)
        {
            if (Status is ActivationStatus.Deactivating or ActivationStatus.Invalid || _pendingDeactivation is { } && !_drainBeforeDeactivation)
            {
                return EnqueueResult.Retry;
            }

            var interleave = message.Interleave || ClassInfo.Reentrant;
            if (!interleave && _currentTurnId != 0 && message.Chain?.IsWaitingOn(this, _currentTurnId) == true)
            {
                return EnqueueResult.Deadlock;
            }

            if (message.KeepsAlive)
            {
                _lastActive = _runtime.TimeProvider.GetTimestamp();
            }

            if (interleave && Status == ActivationStatus.Valid)
            {
                StartInterleavedTurn(message);
                return EnqueueResult.Accepted;
            }

            (_queue ??= new Queue<Message>(2)).Enqueue(message);
            _runtime.Statistics.MessageQueued(ClassInfo.GrainType);
            startLoop = !_loopRunning;
            _loopRunning = true;
        }

        if (startLoop)
        {
            StartLoop();
        }

        return EnqueueResult.Accepted;
    }

    /// <summary>Asks for deactivation after the current turn; with <paramref name="drainFirst"/>, after the queue empties.</summary>
    public void RequestDeactivation(DeactivationReason reason, bool drainFirst = false)
    {
        bool startLoop;
        lock (_lock)
        {
            if (Status is ActivationStatus.Deactivating or ActivationStatus.Invalid || _pendingDeactivation is not null)
            {
                return;
            }

            _pendingDeactivation = reason;
            _drainBeforeDeactivation = drainFirst;
            startLoop = !_loopRunning;
            _loopRunning = true;
        }

        if (startLoop)
        {
            StartLoop();
        }
    }

    /// <summary>Collects the activation if it has been idle longer than <paramref name="idleFor"/>.</summary>
    public bool TryCollectIdle(long now, TimeSpan idleFor)
    {
        lock (_lock)
        {
            if (Status != ActivationStatus.Valid || _loopRunning || _queue is { Count: > 0 } || _interleavedTurns is { Count: > 0 }
                || now < _keepAliveUntil || _runtime.TimeProvider.GetElapsedTime(_lastActive, now) < idleFor)
            {
                return false;
            }
        }

        RequestDeactivation(new DeactivationReason(DeactivationReasonCode.ActivationIdle, $"Idle for more than {idleFor}."));
        return true;
    }

    public void Deactivate(DeactivationReason reason) => RequestDeactivation(reason);

    public void DelayDeactivation(TimeSpan timeSpan)
    {
        var until = _runtime.TimeProvider.GetTimestamp() + (long)(timeSpan.TotalSeconds * _runtime.TimeProvider.TimestampFrequency);
        lock (_lock)
        {
            _keepAliveUntil = Math.Max(_keepAliveUntil, until);
        }
    }

    public IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new GrainTimer(this, _runtime.TimeProvider, (ct) => callback(state, ct), options, RemoveTimer);
        lock (_lock)
        {
            (_timers ??= []).Add(timer);
        }

        timer.Start();
        return timer;
    }

    private void RemoveTimer(GrainTimer timer)
    {
        lock (_lock)
        {
            _timers?.Remove(timer);
        }
    }

    private void StartLoop() =>
        Task.Factory.StartNew(s_runLoop, this, CancellationToken.None, TaskCreationOptions.DenyChildAttach, _scheduler);

    private void StartInterleavedTurn(Message message)
    {
        // Runs under _lock: only schedules, the turn itself runs on the activation's scheduler.
        var turn = Task.Factory.StartNew(
            static state => { var (activation, m) = ((ActivationData, Message))state!; return activation.RunTurnAsync(m, 0).AsTask(); },
            (this, message),
            CancellationToken.None,
            TaskCreationOptions.DenyChildAttach,
            _scheduler).Unwrap();
        (_interleavedTurns ??= []).Add(turn);
        turn.ContinueWith(
            static (t, state) => ((ActivationData)state!).InterleavedTurnEnded(t),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void InterleavedTurnEnded(Task turn)
    {
        lock (_lock)
        {
            _interleavedTurns?.Remove(turn);
        }
    }

    private async ValueTask RunTurnAsync(Message message, long turnId)
    {
        var previous = CallChain.Current;
        CallChain.Current = new CallChain(this, turnId, message.Chain);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await message.InvokeAsync(GrainInstance!);
        }
        finally
        {
            CallChain.Current = previous;
            _runtime.Statistics.TurnCompleted(ClassInfo.GrainType, Stopwatch.GetElapsedTime(started));
        }
    }
}
