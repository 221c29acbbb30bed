namespace Prow.TestKit.Time;

/// <summary>
/// A clock for code that waits: every timer fires at once and moves the clock forward by its due
/// time, and the wait is recorded. Backoff, Retry-After and throttling tests then run instantly and
/// assert on <see cref="Delays"/> instead of on elapsed wall time.
/// </summary>
public sealed class AutoAdvanceTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly List<TimeSpan> _delays = [];
    private readonly Lock _lock = new();
    private DateTimeOffset _now = start;

    public AutoAdvanceTimeProvider()
        : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_lock)
            {
                return [.. _delays];
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_lock)
        {
            _now += by;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return new InertTimer();
        }

        lock (_lock)
        {
            _delays.Add(dueTime);
            _now += dueTime;
        }

        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new InertTimer();
    }

    private sealed class InertTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
