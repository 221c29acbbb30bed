using Prow.TestKit;
using static Prow.Ingress.Tests.RecordingHandler;

namespace Prow.Ingress.Tests;

/// <summary>
/// Inputs for one target (a grain) go one at a time and hold one handling slot between them, so a target that does
/// not answer stalls only its own inputs: the scenario where one repository grain retrying against an unreachable
/// GitHub held all 64 slots while deliveries for idle pull requests waited.
/// </summary>
public sealed class IngressTargetTests
{
    private readonly MemoryIngressStore _store = new(TimeProvider.System);
    private readonly RecordingHandler _handler = new() { Target = entry => Text(entry).Split(':')[0] };

    [Fact]
    public async Task StalledTarget_HoldsOneSlot_WhileAnIdleTargetsInputIsHandled()
    {
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler.Behavior = (entry, _) => Text(entry).StartsWith("slow:", StringComparison.Ordinal) ? stalled.Task : Task.CompletedTask;
        await using var ingress = await TestPipeline.StartAsync(_store, [_handler], o => o.Concurrency = 4);

        for (var i = 0; i < 100; i++)
        {
            await ingress.AcceptAsync($"slow:{i}", null);
        }

        await ingress.AcceptAsync("idle:1", null);
        await ingress.AcceptAsync("other:1", null);

        // The stalled target's first input holds its turn; the idle ones finish past the 99 waiting behind it.
        await Poll.UntilAsync(() => _handler.Succeeded.Count == 2);
        Assert.Equal(["idle:1", "other:1"], _handler.Succeeded.Select(Text));
        Assert.Equal(["slow:0"], _handler.Started.Select(Text).Where(t => t.StartsWith("slow:", StringComparison.Ordinal)));
        Assert.False(stalled.Task.IsCompleted);

        stalled.SetResult();
        await Poll.UntilAsync(async () => (await ingress.CountAsync()).Completed == 102);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"slow:{i}"), _handler.Started.Select(Text).Where(t => t.StartsWith("slow:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OneTarget_InputsRunOneAtATime_InArrivalOrder_OthersAlongside()
    {
        var running = new Dictionary<string, int>();
        var most = new Dictionary<string, int>();
        _handler.Behavior = async (entry, _) =>
        {
            var target = Text(entry).Split(':')[0];
            lock (running)
            {
                running[target] = running.GetValueOrDefault(target) + 1;
                most[target] = Math.Max(most.GetValueOrDefault(target), running[target]);
            }

            await Task.Yield();
            lock (running)
            {
                running[target]--;
            }
        };
        await using var ingress = await TestPipeline.StartAsync(_store, [_handler], o => o.Concurrency = 8);

        for (var i = 0; i < 300; i++)
        {
            await ingress.AcceptAsync($"t{i % 3}:{i}", null);
        }

        await Poll.UntilAsync(async () => (await ingress.CountAsync()).Completed == 300);
        Assert.All(most.Values, m => Assert.Equal(1, m));
        foreach (var target in new[] { "t0", "t1", "t2" })
        {
            Assert.Equal(
                Enumerable.Range(0, 300).Where(i => $"t{i % 3}" == target).Select(i => $"{target}:{i}"),
                _handler.Started.Select(Text).Where(t => t.StartsWith(target + ":", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task FailingInput_GivesItsTargetToTheNext_AndIsRetriedAfter()
    {
        var failed = false;
        _handler.Behavior = (entry, _) =>
        {
            if (Text(entry) == "a:0" && !failed)
            {
                failed = true;
                throw new InvalidOperationException("first attempt fails");
            }

            return Task.CompletedTask;
        };
        await using var ingress = await TestPipeline.StartAsync(_store, [_handler]);

        await ingress.AcceptAsync("a:0", null);
        await ingress.AcceptAsync("a:1", null);

        await Poll.UntilAsync(async () => (await ingress.CountAsync()).Completed == 2);
        Assert.Equal(["a:1", "a:0"], _handler.Succeeded.Select(Text));
    }

    [Fact]
    public async Task Stop_WaitsForATargetsQueuedInputs_StartedBeforeTheDeadline()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler.Behavior = (entry, _) => Text(entry) == "a:0" ? gate.Task : Task.CompletedTask;
        var ingress = await TestPipeline.StartAsync(_store, [_handler]);
        await using (ingress)
        {
            await ingress.AcceptAsync("a:0", null);
            await ingress.AcceptAsync("a:1", null);
            await Poll.UntilAsync(() => _handler.Started.Count == 1);

            var stopping = ingress.StopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
            gate.SetResult();
            await stopping;
        }

        Assert.Equal(["a:0", "a:1"], _handler.Succeeded.Select(Text));
        Assert.Equal(2, (await _store.CountAsync(CancellationToken.None)).Completed);
    }
}
