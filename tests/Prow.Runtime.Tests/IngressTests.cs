using System.Text;
using Prow.Runtime.Ingress;
using Prow.Runtime.Storage.Memory;

namespace Prow.Runtime.Tests;

public sealed class IngressTests
{
    [Fact]
    public async Task Accept_StoresThenHandles_AndCompletes()
    {
        var store = new MemoryStore();
        await using var silo = await TestSilo.StartAsync(r => r.UseMemoryStorage(store));

        var result = await silo.Ingress.AcceptAsync(Message("k1", "d1"), CancellationToken.None);

        Assert.False(result.Duplicate);
        await silo.Probe.WaitUntilAsync(() => silo.Probe.Count("handled:k1") == 1, "handled");
        await WaitForAsync(async () => (await new MemoryIngressStore(store, TimeProvider.System).CountAsync(CancellationToken.None)).Completed == 1);
    }

    [Fact]
    public async Task Accept_SameDedupeKeyTwice_HandledOnce()
    {
        await using var silo = await TestSilo.StartAsync(r => r.UseMemoryStorage());

        var first = await silo.Ingress.AcceptAsync(Message("dup", "delivery-1"), CancellationToken.None);
        var second = await silo.Ingress.AcceptAsync(Message("dup", "delivery-1"), CancellationToken.None);
        await silo.Probe.WaitUntilAsync(() => silo.Probe.Count("handled:dup") == 1, "handled");
        await silo.StopAsync();

        Assert.True(second.Duplicate);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(1, silo.Probe.Count("handle:dup"));
    }

    [Fact]
    public async Task Accept_UnknownKind_IsRefused()
    {
        await using var silo = await TestSilo.StartAsync(r => r.UseMemoryStorage());

        await Assert.ThrowsAsync<ArgumentException>(() => silo.Ingress.AcceptAsync(new IngressMessage("nope", null, Array.Empty<byte>()), CancellationToken.None));
    }

    [Fact]
    public async Task HandlerFailure_IsRetried_ThenSucceeds()
    {
        await using var silo = await TestSilo.StartAsync(r => r.UseMemoryStorage());

        await silo.Ingress.AcceptAsync(Message("fail-once:f", "f1"), CancellationToken.None);

        await silo.Probe.WaitUntilAsync(() => silo.Probe.Count("handled:fail-once:f") == 1, "handled after retry");
        Assert.Equal(2, silo.Probe.Count("handle:fail-once:f"));
        Assert.Equal(1, silo.Runtime.Statistics.Snapshot().Ingress.Failures);
    }

    [Fact]
    public async Task HeldIngress_StoresWithoutHandling_ThenReplaysOnRestart()
    {
        var store = new MemoryStore();
        await using (var held = await TestSilo.StartAsync(r => r.UseMemoryStorage(store), o => o.HoldIngress = true))
        {
            for (var i = 0; i < 20; i++)
            {
                await held.Ingress.AcceptAsync(Message($"replay{i % 4}", $"r{i}"), CancellationToken.None);
            }

            await Task.Delay(100);
            Assert.Equal(0, held.Probe.Events.Count(e => e.StartsWith("handle:", StringComparison.Ordinal)));
        }

        await using var resumed = await TestSilo.StartAsync(r => r.UseMemoryStorage(store));
        await resumed.Probe.WaitUntilAsync(() => Enumerable.Range(0, 4).All(i => resumed.Probe.Count($"handled:replay{i}") == 5), "replayed");
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(5, await resumed.Grains.GetGrain<ICounterGrain>($"replay{i}").GetAsync());
        }
    }

    [Fact]
    public async Task Ingress_KeepsArrivalOrderPerGrain()
    {
        await using var silo = await TestSilo.StartAsync(r => r.UseMemoryStorage());
        var accepted = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => silo.Ingress.AcceptAsync(Message("ordered", $"o{i}"), CancellationToken.None)));

        await silo.Probe.WaitUntilAsync(() => silo.Probe.Count("handled:ordered") == 100, "all handled");
        Assert.Equal(100, await silo.Grains.GetGrain<ICounterGrain>("ordered").GetAsync());
        Assert.Equal(100, accepted.Select(a => a.Id).Distinct().Count());
    }

    private static IngressMessage Message(string key, string? dedupe) => new("counter", dedupe, Encoding.UTF8.GetBytes(key));

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("condition not reached in 15 s");
    }
}
