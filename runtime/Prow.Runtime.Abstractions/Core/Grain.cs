using Orleans.Runtime;
using Orleans.Timers;

namespace Orleans;

/// <summary>Base class for grain implementations, as in Orleans.</summary>
public abstract class Grain
{
    /// <summary>Binds to the activation the runtime is constructing.</summary>
    protected Grain()
        : this(RuntimeContext.Constructing ?? throw new InvalidOperationException(
            "Grains are created by the grain runtime; pass an IGrainContext to construct one by hand."))
    {
    }

    protected Grain(IGrainContext grainContext) => GrainContext = grainContext;

    public IGrainContext GrainContext { get; }

    protected IGrainFactory GrainFactory => GrainContext.GrainFactory;

    protected IServiceProvider ServiceProvider => GrainContext.ActivationServices;

    internal IReminderRegistry ReminderRegistry => GrainContext.Reminders;

    /// <summary>Runs after persistent state is loaded and before the first call is delivered.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs before the activation is dropped (idle, requested, shutting down). Not run after a stale-ETag write.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    protected void DeactivateOnIdle() =>
        GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called."));

    protected void DelayDeactivation(TimeSpan timeSpan) => GrainContext.DelayDeactivation(timeSpan);

    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options) =>
        GrainContext.RegisterGrainTimer(static (cb, ct) => cb(ct), callback, options);

    protected IGrainTimer RegisterGrainTimer(Func<Task> callback, TimeSpan dueTime, TimeSpan period) =>
        GrainContext.RegisterGrainTimer(static (cb, _) => cb(), callback, new GrainTimerCreationOptions(dueTime, period));

    protected IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options) =>
        GrainContext.RegisterGrainTimer(callback, state, options);
}
