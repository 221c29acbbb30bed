namespace Prow.Grains.Tide;

/// <summary>One evaluation of a pool: how its pull requests stand at the current base, and the one action to take.</summary>
/// <param name="Targets">The pull requests the action is about, lowest number first.</param>
/// <param name="Jobs">For TRIGGER and TRIGGER_BATCH: the presubmits to start.</param>
public sealed record PoolDecision(
    string Action,
    IReadOnlyList<int> Targets,
    IReadOnlyList<string> Jobs,
    IReadOnlyList<int> Successes,
    IReadOnlyList<int> Pendings,
    IReadOnlyList<int> Missings,
    IReadOnlyList<int> BatchPending);
