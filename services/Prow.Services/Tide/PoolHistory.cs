using Prow.GrainInterfaces.Tide;

namespace Prow.Services.Tide;

/// <summary>One merge pool's recorded actions, newest first.</summary>
public sealed record PoolHistory(string Org, string Repo, string Branch, IReadOnlyList<TideHistoryRecord> Records);
