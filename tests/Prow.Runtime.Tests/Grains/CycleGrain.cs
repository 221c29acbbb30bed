using Orleans;
using Orleans.Concurrency;

namespace Prow.Runtime.Tests;

public interface ICycleGrain : IGrainWithStringKey
{
    /// <summary>Calls <paramref name="otherKey"/>, which calls back into this grain.</summary>
    Task<string> PingViaAsync(string otherKey);

    Task<string> CallBackAsync(string originKey);

    Task<string> PongAsync();

    Task<string> CallSelfAsync();
}

public interface IReentrantCycleGrain : IGrainWithStringKey
{
    Task<string> PingViaAsync(string otherKey);

    Task<string> CallBackAsync(string originKey);

    Task<string> PongAsync();
}

internal sealed class CycleGrain : Grain, ICycleGrain
{
    Task<string> ICycleGrain.PingViaAsync(string otherKey) => GrainFactory.GetGrain<ICycleGrain>(otherKey).CallBackAsync(this.GetPrimaryKeyString());

    Task<string> ICycleGrain.CallBackAsync(string originKey) => GrainFactory.GetGrain<ICycleGrain>(originKey).PongAsync();

    Task<string> ICycleGrain.PongAsync() => Task.FromResult("pong");

    Task<string> ICycleGrain.CallSelfAsync() => GrainFactory.GetGrain<ICycleGrain>(this.GetPrimaryKeyString()).PongAsync();
}

[Reentrant]
internal sealed class ReentrantCycleGrain : Grain, IReentrantCycleGrain
{
    Task<string> IReentrantCycleGrain.PingViaAsync(string otherKey) => GrainFactory.GetGrain<IReentrantCycleGrain>(otherKey).CallBackAsync(this.GetPrimaryKeyString());

    Task<string> IReentrantCycleGrain.CallBackAsync(string originKey) => GrainFactory.GetGrain<IReentrantCycleGrain>(originKey).PongAsync();

    Task<string> IReentrantCycleGrain.PongAsync() => Task.FromResult("pong");
}
