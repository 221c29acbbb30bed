using Orleans;

namespace Prow.Runtime.Tests;

public interface IOrderGrain : IGrainWithStringKey
{
    Task AppendAsync(int value);

    Task<IReadOnlyList<int>> GetAsync();

    Task<int> MaxConcurrencySeenAsync();

    Task<List<string>> AddItemAsync(List<string> items);

    ValueTask<int> CountAsync();
}

/// <summary>Records call order and whether two turns ever overlapped.</summary>
internal sealed class OrderGrain : Grain, IOrderGrain
{
    private readonly List<int> _values = [];
    private int _inside;
    private int _maxInside;

    async Task IOrderGrain.AppendAsync(int value)
    {
        _inside++;
        _maxInside = Math.Max(_maxInside, _inside);
        await Task.Yield();
        await Task.Delay(value % 3);
        _values.Add(value);
        _inside--;
    }

    Task<IReadOnlyList<int>> IOrderGrain.GetAsync() => Task.FromResult<IReadOnlyList<int>>([.. _values]);

    Task<int> IOrderGrain.MaxConcurrencySeenAsync() => Task.FromResult(_maxInside);

    Task<List<string>> IOrderGrain.AddItemAsync(List<string> items)
    {
        items.Add("added-by-grain");
        return Task.FromResult(items);
    }

    ValueTask<int> IOrderGrain.CountAsync() => ValueTask.FromResult(_values.Count);
}
