namespace Prow.Grains.Tide;

public sealed record PoolHeadIndexState
{
    /// <summary>branch → the head commits of its pool's open pull requests.</summary>
    public Dictionary<string, HashSet<string>> HeadsByBranch { get; init; } = new(StringComparer.Ordinal);
}
