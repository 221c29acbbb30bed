using Prow.GrainInterfaces.Tide;

namespace Prow.Grains.Tide;

/// <summary>One evaluation of a pool: how its pull requests stand at the current base, and the one action to take.</summary>
/// <param name="Targets">The pull requests the action is about, lowest number first.</param>
/// <param name="Jobs">For TRIGGER and TRIGGER_BATCH: the presubmits to start.</param>
/// <param name="Groups">For TRIGGER and TRIGGER_BATCH: the sets to test, each a batch (or, alone, a retest); usually one.</param>
/// <param name="Suspects">With bisection on: the sets known to hold a failing pull request, to keep for the next evaluation; null when off.</param>
/// <param name="Culprits">Pull requests bisection has just proven to fail alone, with the jobs that failed.</param>
public sealed record PoolDecision(
    string Action,
    IReadOnlyList<int> Targets,
    IReadOnlyList<string> Jobs,
    IReadOnlyList<int> Successes,
    IReadOnlyList<int> Pendings,
    IReadOnlyList<int> Missings,
    IReadOnlyList<int> BatchPending)
{
    public IReadOnlyList<IReadOnlyList<int>> Groups { get; init; } = [];

    public IReadOnlyList<IReadOnlyList<PoolJobPull>>? Suspects { get; init; }

    public IReadOnlyList<BisectionCulprit> Culprits { get; init; } = [];
}

/// <summary>A pull request that failed alone after a batch holding it failed; <paramref name="FailedJobs"/> by name.</summary>
public sealed record BisectionCulprit(PoolJobPull Pull, IReadOnlyList<string> FailedJobs);
