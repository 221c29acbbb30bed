namespace Prow.Runtime.Reminders;

/// <summary>Reminder slot arithmetic: ticks fall at StartAt + k·Period.</summary>
internal static class ReminderSchedule
{
    /// <summary>The first slot strictly after <paramref name="after"/>; the start itself when nothing has ticked.</summary>
    public static DateTimeOffset NextSlot(DateTimeOffset startAt, TimeSpan period, DateTimeOffset? after)
    {
        if (after is not { } last || last < startAt)
        {
            return startAt;
        }

        var k = (last - startAt).Ticks / period.Ticks;
        return startAt + TimeSpan.FromTicks((k + 1) * period.Ticks);
    }

    /// <summary>The latest slot at or before <paramref name="now"/>: a run of missed ticks is delivered once, as this slot.</summary>
    public static DateTimeOffset LatestSlotAtOrBefore(DateTimeOffset startAt, TimeSpan period, DateTimeOffset now)
    {
        if (now < startAt)
        {
            return startAt;
        }

        var k = (now - startAt).Ticks / period.Ticks;
        return startAt + TimeSpan.FromTicks(k * period.Ticks);
    }
}
