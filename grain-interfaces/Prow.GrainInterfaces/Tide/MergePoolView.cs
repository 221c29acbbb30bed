using Orleans;

namespace Prow.GrainInterfaces.Tide;

/// <summary>One pool as deck's <c>/tide.js</c> shows it.</summary>
/// <param name="Action">WAIT, TRIGGER, TRIGGER_BATCH, MERGE, MERGE_BATCH or BLOCKED.</param>
/// <param name="Error">Why the last evaluation could not finish (GitHub trouble), until one does.</param>
/// <param name="Bisection">With tide.bisect_failed_batches: the sets of pull requests known to hold one that fails, being split.</param>
[GenerateSerializer, Immutable]
public sealed record MergePoolView(
    string Org,
    string Repo,
    string Branch,
    string BaseSha,
    IReadOnlyList<PoolPullSummary> SuccessPulls,
    IReadOnlyList<PoolPullSummary> PendingPulls,
    IReadOnlyList<PoolPullSummary> MissingPulls,
    IReadOnlyList<PoolPullSummary> BatchPending,
    string Action,
    IReadOnlyList<PoolPullSummary> Target,
    IReadOnlyList<PoolBlocker> Blockers,
    string? Error,
    IReadOnlyList<IReadOnlyList<PoolPullSummary>> Bisection);

[GenerateSerializer, Immutable]
public sealed record PoolPullSummary(int Number, string Title, string Author, string HeadSha, string HeadRef, IReadOnlyList<string> Labels);

/// <summary>One thing a pool did: a trigger, a batch, a merge. Only actions are recorded, not waits.</summary>
[GenerateSerializer, Immutable]
public sealed record TideHistoryRecord(
    DateTimeOffset Time,
    string Action,
    string BaseSha,
    IReadOnlyList<PoolPullSummary> Target,
    string? Error);
