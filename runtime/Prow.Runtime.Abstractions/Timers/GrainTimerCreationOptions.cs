namespace Orleans.Runtime;

/// <param name="DueTime">Delay before the first tick.</param>
/// <param name="Period">Delay between the end of one tick and the next; <see cref="Timeout.InfiniteTimeSpan"/> for one tick.</param>
public readonly record struct GrainTimerCreationOptions(TimeSpan DueTime, TimeSpan Period)
{
    /// <summary>Let ticks interleave with other calls instead of queueing as a turn.</summary>
    public bool Interleave { get; init; }

    /// <summary>Let ticks count as activity, keeping the activation from idle collection.</summary>
    public bool KeepAlive { get; init; }
}
