using Orleans;
using Orleans.Runtime;

namespace Prow.Runtime.Tests;

public interface ITimerTestGrain : IGrainWithStringKey
{
    Task StartAsync(TimeSpan period);

    Task DeactivateAsync();
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
}
