using Orleans;

namespace Prow.Bench;

public interface IPingGrain : IGrainWithStringKey
{
    Task<int> PingAsync(int value);
}

/// <summary>No state: measures the runtime's own cost per call and per activation.</summary>
public sealed class PingGrain : Grain, IPingGrain
{
    private int _calls;

    Task<int> IPingGrain.PingAsync(int value) => Task.FromResult(value + ++_calls);
}
