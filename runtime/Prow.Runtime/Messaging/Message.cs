namespace Prow.Runtime.Messaging;

/// <summary>One unit of work for an activation: a grain call, a timer tick or a reminder tick.</summary>
internal abstract class Message
{
    /// <summary>The caller's chain; null for calls from outside any grain.</summary>
    public CallChain? Chain { get; init; }

    /// <summary>May run interleaved with other turns.</summary>
    public bool Interleave { get; init; }

    /// <summary>Counts as activity for idle collection (timers may opt out).</summary>
    public bool KeepsAlive { get; init; } = true;

    public abstract string Name { get; }

    /// <summary>
    /// Belongs to the activation it was queued on (a timer tick): dropped when that activation closes rather than
    /// forwarded, which would start a fresh activation just to run a stale tick of a disposed timer.
    /// </summary>
    public virtual bool BoundToActivation => false;

    /// <summary>Runs the work against the grain and completes the caller; never throws.</summary>
    public abstract ValueTask InvokeAsync(object grain);

    /// <summary>Completes the caller with an error without running.</summary>
    public abstract void Fail(Exception exception);

    /// <summary>Completes the caller as canceled without running (only for <see cref="BoundToActivation"/> work).</summary>
    public virtual void Drop() => Fail(new OperationCanceledException($"{Name} dropped: its activation closed."));
}
