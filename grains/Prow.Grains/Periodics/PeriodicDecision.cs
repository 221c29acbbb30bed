using Prow.Config.Jobs;

namespace Prow.Grains.Periodics;

/// <summary>
/// Horologium's rule, as a pure function: a periodic runs when it never ran; otherwise only once its previous run
/// has finished, and then when <c>interval</c> has passed since that run started (<c>minimum_interval</c>: since it
/// finished) or the cron schedule has a slot since it was triggered. The slot names the run, so one slot fires once.
/// </summary>
public static class PeriodicDecision
{
    /// <param name="lastTriggeredAt">When the previous run was triggered; null if it never ran.</param>
    /// <param name="lastCompletedAt">When it finished; null while it runs.</param>
    /// <returns>The slot to trigger, or null to wait.</returns>
    public static DateTimeOffset? SlotToTrigger(Periodic job, DateTimeOffset? lastTriggeredAt, DateTimeOffset? lastCompletedAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (lastTriggeredAt is not { } triggered)
        {
            return now;
        }

        if (lastCompletedAt is not { } completed)
        {
            return null;
        }

        if (job.CronSchedule is { } cron)
        {
            return cron.Next(triggered) is { } next && next <= now ? next : null;
        }

        if (job.MinimumIntervalDuration is { } minimum)
        {
            return completed + minimum <= now ? completed + minimum : null;
        }

        return job.IntervalDuration is { } interval && triggered + interval <= now ? triggered + interval : null;
    }
}
