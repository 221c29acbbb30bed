using Orleans.Timers;

namespace Orleans.Runtime;

/// <summary>What a grain's activation offers the grain: identity, factory, lifetime control, timers and reminders.</summary>
public interface IGrainContext
{
    GrainId GrainId { get; }

    IGrainFactory GrainFactory { get; }

    IServiceProvider ActivationServices { get; }

    /// <summary>Deactivate once the current turn ends.</summary>
    void Deactivate(DeactivationReason reason);

    /// <summary>Keep the activation alive (not idle-collected) for at least this long.</summary>
    void DelayDeactivation(TimeSpan timeSpan);

    IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options);

    IReminderRegistry Reminders { get; }
}
