using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Prow.Runtime.Messaging;
using Prow.Runtime.Storage;
using Prow.Runtime.Timers;

namespace Prow.Runtime.Activation;

internal sealed partial class ActivationData
{
    private List<IActivationState>? _states;

    internal void AddState(IActivationState state) => (_states ??= []).Add(state);

    internal void LogTimerFailure(Exception exception) => _runtime.Log.TimerFailed(exception, GrainId.ToString());

    private async Task RunLoopAsync()
    {
        if (Status == ActivationStatus.Created && !await ActivateAsync())
        {
            return;
        }

        while (true)
        {
            Message? message;
            long turnId = 0;
            bool interleave;
            lock (_lock)
            {
                if (_pendingDeactivation is not null && (!_drainBeforeDeactivation || _queue is not { Count: > 0 }))
                {
                    Status = ActivationStatus.Deactivating;
                    message = null;
                    interleave = false;
                }
                else if (_queue is { Count: > 0 })
                {
                    message = _queue.Dequeue();
                    interleave = message.Interleave || ClassInfo.Reentrant;
                    if (interleave)
                    {
                        StartInterleavedTurn(message);
                    }
                    else
                    {
                        turnId = ++_turnCounter;
                        _currentTurnId = turnId;
                    }
                }
                else
                {
                    _loopRunning = false;
                    return;
                }
            }

            if (message is null)
            {
                await DeactivateAsync();
                return;
            }

            _runtime.Statistics.MessageDequeued(ClassInfo.GrainType);
            if (interleave)
            {
                continue;
            }

            await RunTurnAsync(message, turnId);
            lock (_lock)
            {
                _currentTurnId = 0;
            }
        }
    }

    private async Task<bool> ActivateAsync()
    {
        try
        {
            GrainInstance = _runtime.CreateGrainInstance(this);
            foreach (var state in _states ?? [])
            {
                await state.ReadOnActivationAsync();
            }

            await ((Grain)GrainInstance).OnActivateAsync(_runtime.StoppingToken);
            lock (_lock)
            {
                Status = ActivationStatus.Valid;
            }

            _runtime.Statistics.Activated(ClassInfo.GrainType);
            return true;
        }
        catch (Exception ex)
        {
            _runtime.Log.ActivationFailed(ex, GrainId.ToString());
            var failure = new InvalidOperationException($"Activation of {GrainId} failed: {ex.Message}", ex);
            foreach (var message in Close())
            {
                message.Fail(failure);
            }

            return false;
        }
    }

    private async Task DeactivateAsync()
    {
        var reason = _pendingDeactivation!.Value;
        Task[] interleaved;
        lock (_lock)
        {
            interleaved = _interleavedTurns is { Count: > 0 } ? [.. _interleavedTurns] : [];
        }

        try
        {
            await Task.WhenAll(interleaved);
        }
        catch (Exception)
        {
            // Each interleaved turn already reported its own failure to its caller.
        }

        // A stale activation must not write again: skip its deactivation hook.
        if (reason.ReasonCode != DeactivationReasonCode.InconsistentState)
        {
            try
            {
                await ((Grain)GrainInstance!).OnDeactivateAsync(reason, CancellationToken.None);
            }
            catch (Exception ex)
            {
                _runtime.Log.DeactivationFailed(ex, GrainId.ToString());
            }
        }

        _runtime.Statistics.Deactivated(ClassInfo.GrainType);
        foreach (var message in Close())
        {
            if (message.BoundToActivation)
            {
                message.Drop();
            }
            else
            {
                _runtime.Dispatch(GrainId, message);
            }
        }
    }

    /// <summary>Marks the activation invalid, stops its timers, leaves the directory and returns the messages it will not run.</summary>
    private List<Message> Close()
    {
        List<Message> leftovers;
        GrainTimer[] timers;
        lock (_lock)
        {
            Status = ActivationStatus.Invalid;
            leftovers = _queue is { Count: > 0 } ? [.. _queue] : [];
            _queue?.Clear();
            timers = _timers is { Count: > 0 } ? [.. _timers] : [];
            _loopRunning = false;
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }

        for (var i = 0; i < leftovers.Count; i++)
        {
            _runtime.Statistics.MessageDequeued(ClassInfo.GrainType);
        }

        _runtime.RemoveActivation(this);
        _deactivated.TrySetResult();
        return leftovers;
    }
}
