using Prow.Config.Jobs;
using Prow.Grains.Periodics;

namespace Prow.Grains.Tests.Periodics;

public sealed class PeriodicDecisionTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NeverRan_RunsNow()
    {
        Assert.Equal(s_t0, PeriodicDecision.SlotToTrigger(new Periodic { Interval = "1h" }, null, null, s_t0));
        Assert.Equal(s_t0, PeriodicDecision.SlotToTrigger(new Periodic { Cron = "0 3 * * *" }, null, null, s_t0));
    }

    [Fact]
    public void PreviousRunStillRunning_Waits()
    {
        Assert.Null(PeriodicDecision.SlotToTrigger(new Periodic { Interval = "1m" }, s_t0, null, s_t0.AddHours(5)));
    }

    [Theory]
    [InlineData(59, false)]
    [InlineData(60, true)]
    [InlineData(600, true)]
    public void Interval_CountsFromTheStartOfThePreviousRun(int minutesLater, bool due)
    {
        var slot = PeriodicDecision.SlotToTrigger(new Periodic { Interval = "1h" }, s_t0, s_t0.AddMinutes(50), s_t0.AddMinutes(minutesLater));

        Assert.Equal(due ? s_t0.AddHours(1) : null, slot);
    }

    [Fact]
    public void MinimumInterval_CountsFromTheEndOfThePreviousRun()
    {
        var job = new Periodic { MinimumInterval = "1h" };

        Assert.Null(PeriodicDecision.SlotToTrigger(job, s_t0, s_t0.AddMinutes(50), s_t0.AddMinutes(100)));
        Assert.Equal(s_t0.AddMinutes(110), PeriodicDecision.SlotToTrigger(job, s_t0, s_t0.AddMinutes(50), s_t0.AddMinutes(120)));
    }

    [Fact]
    public void Cron_FiresOnTheNextSlotAfterTheLastTrigger_OncePerSlot()
    {
        var job = new Periodic { Cron = "30 * * * *" };

        Assert.Null(PeriodicDecision.SlotToTrigger(job, s_t0, s_t0.AddMinutes(1), s_t0.AddMinutes(29)));
        Assert.Equal(s_t0.AddMinutes(30), PeriodicDecision.SlotToTrigger(job, s_t0, s_t0.AddMinutes(1), s_t0.AddMinutes(31)));
        Assert.Null(PeriodicDecision.SlotToTrigger(job, s_t0.AddMinutes(31), s_t0.AddMinutes(32), s_t0.AddMinutes(59)));
    }

    [Fact]
    public void Cron_WithAnImpossibleDate_NeverFiresAgain()
    {
        Assert.Null(PeriodicDecision.SlotToTrigger(new Periodic { Cron = "0 0 31 2 *" }, s_t0, s_t0, s_t0.AddYears(3)));
    }
}
