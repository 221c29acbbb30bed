using Prow.GrainInterfaces.Tide;

namespace Prow.Grains.Tide;

/// <summary>How a pool forms batches: which candidates can go together, whether earlier batches come first, and bisection.</summary>
public sealed record PoolBatching
{
    /// <summary>
    /// Given the batch candidates oldest first, the ones to test together (the trial merge leaves out those that
    /// conflict and stops at batch_size_limit); null takes the first batch_size_limit.
    /// </summary>
    public Func<IReadOnlyList<int>, IReadOnlyList<int>>? Pick { get; init; }

    /// <summary>tide.prioritize_existing_batches: a batch already passing or running some of its jobs is tested again before a new one is picked.</summary>
    public bool PrioritizeExistingBatches { get; init; } = true;

    /// <summary>With bisection on, the sets known to hold a failing pull request (empty at first); null when bisection is off.</summary>
    public IReadOnlyList<IReadOnlyList<PoolJobPull>>? Suspects { get; init; }

    /// <summary>
    /// Every open pull request's head, in the pool or not; null: the pool. A suspect stays suspected while it is open
    /// at the same head, even when its own failing retest has already put it out of the pool.
    /// </summary>
    public IReadOnlyDictionary<int, string>? Open { get; init; }
}
