using Orleans;
using Orleans.Runtime;

namespace Prow.Runtime.Tests;

public interface ITimerTestGrain : IGrainWithStringKey
{
    Task StartAsync(TimeSpan period);

    Task DeactivateAsync();

    /// <summary>Arms a timer due at once, stays busy so its tick queues behind this turn, then deactivates.</summary>
    Task DeactivateWithTickQueuedAsync(TimeSpan busyFor);
}

internal sealed class TimerTestGrain(TestProbe probe) : Grain, ITimerTestGrain
{
    private bool _inTick;

    Task ITimerTestGrain.StartAsync(TimeSpan period)
    {
        RegisterGrainTimer(async ct =>
        {
            Assert.False(_inTick, "timer ticks overlapped");
            _inTick = true;
            await Task.Yield();
            probe.Record($"timer:{this.GetPrimaryKeyString()}");
            _inTick = false;
        }, new GrainTimerCreationOptions(period, period));
        return Task.CompletedTask;
    }

    Task ITimerTestGrain.DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    async Task ITimerTestGrain.DeactivateWithTickQueuedAsync(TimeSpan busyFor)
    {
        RegisterGrainTimer(_ =>
        {
            probe.Record($"timer:{this.GetPrimaryKeyString()}");
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan));
        await Task.Delay(busyFor);
        DeactivateOnIdle();
    }
}
