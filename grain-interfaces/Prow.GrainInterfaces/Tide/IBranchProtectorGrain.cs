using Orleans;

namespace Prow.GrainInterfaces.Tide;

/// <summary>
/// Prow's branchprotector (key "branchprotector"): applies the configured branch protection to GitHub on a durable
/// reminder, at once when the configuration changed and otherwise every hour, sending only what differs.
/// </summary>
public interface IBranchProtectorGrain : IGrainWithStringKey, IRemindable
{
    Task EnsureScheduledAsync();

    /// <summary>One pass now, whatever the schedule.</summary>
    Task<BranchProtectionPass> ApplyAsync();
}

/// <summary>What one pass did, per branch as <c>org/repo@branch</c>.</summary>
[GenerateSerializer, Immutable]
public sealed record BranchProtectionPass(
    IReadOnlyList<string> Updated,
    IReadOnlyList<string> Unprotected,
    IReadOnlyList<string> Unchanged,
    IReadOnlyList<string> Failed,
    DateTimeOffset At);
