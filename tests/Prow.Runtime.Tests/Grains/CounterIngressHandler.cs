using System.Text;
using Orleans;
using Prow.Runtime.Ingress;

namespace Prow.Runtime.Tests;

/// <summary>Payload: a counter key; "fail-once:KEY" fails its first attempt.</summary>
internal sealed class CounterIngressHandler(IGrainFactory grains, TestProbe probe) : IIngressHandler
{
    public string Kind => "counter";

    public async Task HandleAsync(IngressEntry entry, CancellationToken cancellationToken)
    {
        var payload = Encoding.UTF8.GetString(entry.Payload.Span);
        probe.Record($"handle:{payload}");
        if (payload.StartsWith("fail-once:", StringComparison.Ordinal) && entry.Attempts == 0)
        {
            throw new InvalidOperationException("first attempt fails");
        }

        await grains.GetGrain<ICounterGrain>(payload).IncrementAsync();
        probe.Record($"handled:{payload}");
    }
}
