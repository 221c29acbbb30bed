namespace Prow.Grains.Tide;

public sealed record TidePoolsState
{
    public SortedSet<string> PoolKeys { get; init; } = new(StringComparer.Ordinal);
}
