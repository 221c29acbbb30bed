using Prow.Config.Cron;

namespace Prow.Config.Jobs;

/// <summary>A job that runs on a timer: exactly one of cron, interval or minimum_interval.</summary>
public sealed record Periodic : JobBase
{
    public string? Interval { get; init; }
    public string? MinimumInterval { get; init; }
    public string? Cron { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public PeriodicRetry? Retry { get; init; }

    public TimeSpan? IntervalDuration => GoDuration.TryParse(Interval, out var d) ? d : null;

    public TimeSpan? MinimumIntervalDuration => GoDuration.TryParse(MinimumInterval, out var d) ? d : null;

    public CronSchedule? CronSchedule => Cron is not null && CronSchedule.TryParse(Cron, out var s, out _) ? s : null;
}
