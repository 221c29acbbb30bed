using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using Prow.Runtime.Storage.Memory;

namespace Prow.Runtime.Tests;

public sealed class GrainRuntimeTests
{
    [Fact]
    public async Task GetGrain_100ConcurrentCallers_OneActivationAndEveryCallCounted()
    {
        await using var silo = await TestSilo.StartAsync(r => r.UseMemoryStorage());
        var start = new TaskCompletionSource();
        var callers = Enumerable.Range(0, 100).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await silo.Grains.GetGrain<ICounterGrain>("shared").IncrementAsync();
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(callers);

        Assert.Equal(1, silo.Probe.Count("activate:shared"));
        Assert.Equal(Enumerable.Range(1, 100), results.Order());
        Assert.Equal(100, await silo.Grains.GetGrain<ICounterGrain>("shared").GetAsync());
    }

    [Fact]
    public async Task Calls_FromOneCaller_RunInOrderWithoutOverlap()
    {
        await using var silo = await TestSilo.StartAsync(r => r.UseMemoryStorage());
        var grain = silo.Grains.GetGrain<IOrderGrain>("order");

        var calls = Enumerable.Range(0, 200).Select(grain.AppendAsync).ToList();
        await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(0, 200), await grain.GetAsync());
        Assert.Equal(1, await grain.MaxConcurrencySeenAsync());
        Assert.Equal(200, await grain.CountAsync());
    }

    [Fact]
    public async Task CallCycle_ThroughAnotherGrain_FailsFastWithDeadlockException()
    {
        await using var silo = await TestSilo.StartAsync(r => r.UseMemoryStorage());

        var call = silo.Grains.GetGrain<ICycleGrain>("a").PingViaAsync("b");
        var finished = await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.Same(call, finished);
        var error = await Assert.ThrowsAsync<DeadlockException>(() => call);
        Assert.Equal([new GrainId("cycle", "a"), new GrainId("cycle", "b"), new GrainId("cycle", "a")], error.CallChain);
    }

    [Fact]
    public async Task CallToSelf_FailsWithDeadlockException()
    {
        await using var silo = await TestSilo.StartAsync(r => r.UseMemoryStorage());

        await Assert.ThrowsAsync<DeadlockException>(() => silo.Grains.GetGrain<ICycleGrain>("self").CallSelfAsync());
    }

    [Fact]
    public async Task CallCycle_OnReentrantGrain_Completes()
    {
        await using var silo = await TestSilo.StartAsync(r => r.UseMemoryStorage());

        Assert.Equal("pong", await silo.Grains.GetGrain<IReentrantCycleGrain>("a").PingViaAsync("b"));
    }

    [Fact]
    public async Task SameGrainCalledAgain_AfterItsTurnEnded_IsNotACycle()
    {
        await using var silo = await TestSilo.StartAsync(r => r.UseMemoryStorage());
        var a = silo.Grains.GetGrain<ICycleGrain>("x");

        Assert.Equal("pong", await a.PongAsync());
        Assert.Equal("pong", await silo.Grains.GetGrain<ICycleGrain>("y").CallBackAsync("x"));
    }

    [Fact]
    public async Task Deactivation_ThenNextCall_ReactivatesWithPersistedState()
    {
        await using var silo = await TestSilo.StartAsync(r => r.UseMemoryStorage());
        var grain = silo.Grains.GetGrain<ICounterGrain>("persisted");
        await grain.IncrementAsync();
        await grain.IncrementAsync();

        await grain.DeactivateAsync();
        await silo.Probe.WaitUntilAsync(() => silo.Probe.Count("deactivate:persisted:ApplicationRequested") == 1, "deactivation");

        Assert.Equal(2, await grain.GetAsync());
        Assert.Equal(2, silo.Probe.Count("activate:persisted"));
    }

    [Fact]
    public async Task IdleCollection_DeactivatesIdleActivations()
    {
        await using var silo = await TestSilo.StartAsync(r => r.UseMemoryStorage());
        await silo.Grains.GetGrain<ICounterGrain>("idle").IncrementAsync();

        // The turn's loop may still be winding down right after the call returns: it is not idle until then.
        var collected = 0;
        for (var attempt = 0; attempt < 100 && collected == 0; attempt++)
        {
            collected = silo.Runtime.CollectIdleActivations(TimeSpan.Zero);
            await Task.Delay(attempt);
        }

        Assert.Equal(1, collected);
        await silo.Probe.WaitUntilAsync(() => silo.Probe.Count("deactivate:idle:ActivationIdle") == 1, "idle deactivation");
        Assert.Equal(0, silo.Runtime.ActivationCount);
    }

    [Fact]
    public async Task StaleETag_WriteFails_ActivationDroppedAndNextCallRereads()
    {
        var store = new MemoryStore();
        await using var silo = await TestSilo.StartAsync(r => r.UseMemoryStorage(store));
        var grain = silo.Grains.GetGrain<ICounterGrain>("contended");
        Assert.Equal(1, await grain.IncrementAsync());

        // Another writer (a second activation elsewhere) moves the stored state on.
        var other = new MemoryGrainStorage(store);
        var state = new GrainState<CounterState>(new CounterState());
        var id = new GrainId("counter", "contended");
        await other.ReadStateAsync("counter", id, state);
        state.State = new CounterState { Value = 41 };
        await other.WriteStateAsync("counter", id, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.IncrementAsync());
        await silo.Probe.WaitUntilAsync(() => silo.Runtime.ActivationCount == 0, "stale activation dropped");

        Assert.Equal(42, await grain.IncrementAsync());
        Assert.Equal(2, silo.Probe.Count("activate:contended"));
        Assert.Equal(0, silo.Probe.Count("deactivate:contended:InconsistentState"));
    }

    [Fact]
    public async Task SerializeCalls_ArgumentsAreCopied_CallerSeesNoMutation()
    {
        await using var silo = await TestSilo.StartAsync(r => r.UseMemoryStorage());
        var items = new List<string> { "mine" };

        var returned = await silo.Grains.GetGrain<IOrderGrain>("copy").AddItemAsync(items);

        Assert.Equal(["mine"], items);
        Assert.Equal(["mine", "added-by-grain"], returned);
    }

    [Fact]
    public async Task Timer_TicksAsTurns_AndStopsWithTheActivation()
    {
        await using var silo = await TestSilo.StartAsync(r => r.UseMemoryStorage());
        var grain = silo.Grains.GetGrain<ITimerTestGrain>("t");
        await grain.StartAsync(TimeSpan.FromMilliseconds(20));
        await silo.Probe.WaitUntilAsync(() => silo.Probe.Count("timer:t") >= 3, "three timer ticks");

        await grain.DeactivateAsync();
        await silo.Probe.WaitUntilAsync(() => silo.Runtime.ActivationCount == 0, "deactivation");
        var ticks = silo.Probe.Count("timer:t");
        await Task.Delay(200);

        Assert.InRange(silo.Probe.Count("timer:t"), ticks, ticks + 1);
        Assert.Equal(0, silo.Runtime.ActivationCount);
    }

    [Fact]
    public async Task Timer_TickQueuedWhenTheActivationCloses_IsDroppedNotForwardedToANewActivation()
    {
        await using var silo = await TestSilo.StartAsync(r => r.UseMemoryStorage());
        await silo.Grains.GetGrain<ITimerTestGrain>("q").DeactivateWithTickQueuedAsync(TimeSpan.FromMilliseconds(300));

        await silo.Probe.WaitUntilAsync(() => silo.Runtime.ActivationCount == 0, "deactivation");
        await Task.Delay(200);

        // The tick of the closed activation's timer never runs, and nothing re-activates the grain for it.
        Assert.Equal(0, silo.Probe.Count("timer:q"));
        Assert.Equal(0, silo.Runtime.ActivationCount);
    }

    [Fact]
    public async Task Statistics_CountActivationsAndTurnsPerGrainType()
    {
        await using var silo = await TestSilo.StartAsync(r => r.UseMemoryStorage());
        for (var i = 0; i < 5; i++)
        {
            await silo.Grains.GetGrain<ICounterGrain>($"s{i}").IncrementAsync();
        }

        // A turn is counted just after its caller is answered, so the last one may still be landing.
        GrainTypeSnapshot Counter() => Assert.Single(silo.Runtime.Statistics.Snapshot().GrainTypes, t => t.GrainType == "counter");
        for (var i = 0; i < 100 && Counter().Turns < 5; i++)
        {
            await Task.Delay(10);
        }

        var counter = Counter();
        Assert.Equal(5, counter.Activations);
        Assert.Equal(5, counter.Turns);
        Assert.Equal(0, counter.QueueDepth);
        Assert.True(counter.TurnLatencyP99 > TimeSpan.Zero);
    }

    [Fact]
    public async Task Shutdown_FinishesQueuedTurnsBeforeStopping()
    {
        await using var silo = await TestSilo.StartAsync(r => r.UseMemoryStorage());
        var grain = silo.Grains.GetGrain<IOrderGrain>("drain");
        var calls = Enumerable.Range(0, 50).Select(grain.AppendAsync).ToList();

        await silo.StopAsync();

        await Task.WhenAll(calls);
        Assert.All(calls, c => Assert.True(c.IsCompletedSuccessfully));
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.AppendAsync(1));
    }

    [Fact]
    public void GetGrain_UnregisteredInterface_Throws()
    {
        var registry = new Activation.GrainTypeRegistry();

        Assert.Throws<ArgumentException>(() => registry.Register(typeof(IDisposable), typeof(CounterGrain)));
    }
}
