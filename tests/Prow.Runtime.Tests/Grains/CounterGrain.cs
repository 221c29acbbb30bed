using Orleans;
using Orleans.Runtime;

namespace Prow.Runtime.Tests;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();

    Task<int> GetAsync();

    Task DeactivateAsync();
}

public sealed record CounterState
{
    public int Value { get; init; }
}

internal sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> state, TestProbe probe) : Grain, ICounterGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Record($"activate:{this.GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivate:{this.GetPrimaryKeyString()}:{reason.ReasonCode}");
        return Task.CompletedTask;
    }

    async Task<int> ICounterGrain.IncrementAsync()
    {
        state.State = state.State with { Value = state.State.Value + 1 };
        await state.WriteStateAsync();
        return state.State.Value;
    }

    Task<int> ICounterGrain.GetAsync() => Task.FromResult(state.State.Value);

    Task ICounterGrain.DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
