using Prow.GrainInterfaces.Tide;

namespace Prow.Grains.Tide;

public sealed record MergePoolState
{
    /// <summary>How many history records a pool keeps (Prow's --max-records-per-pool default).</summary>
    public const int MaxHistory = 1000;

    /// <summary>The branch head, once known.</summary>
    public string? BaseSha { get; init; }

    /// <summary>Every open pull request on the branch, by number.</summary>
    public Dictionary<int, TrackedPull> Pulls { get; init; } = [];

    /// <summary>Presubmit and batch jobs at the current base, by id.</summary>
    public Dictionary<string, PoolJob> Jobs { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The tide status last sent per pull request, so an unchanged one is not sent again.</summary>
    public Dictionary<int, SentStatus> Sent { get; init; } = [];

    /// <summary>Newest first.</summary>
    public List<TideHistoryRecord> History { get; init; } = [];

    /// <summary>Open issues with the blocker label that apply to this branch.</summary>
    public List<PoolBlocker> Blockers { get; init; } = [];

    /// <summary>With bisection on: sets of pull requests (at the heads they failed with) known to hold a failing one.</summary>
    public List<List<PoolJobPull>> Suspects { get; init; } = [];

    public MergePoolView? LastView { get; init; }
}

/// <param name="Contexts">The status contexts and check runs on <c>Pull.HeadSha</c>: context → state.</param>
/// <param name="Approved">Whether GitHub counts it approved; null until asked (only queries with reviewApprovedRequired ask).</param>
/// <param name="MergeFailure">Why GitHub refused to merge this head; cleared when the head moves.</param>
public sealed record TrackedPull(PoolPullRequest Pull, Dictionary<string, string> Contexts, bool? Approved, string? MergeFailure);

public sealed record SentStatus(string Sha, string State, string Description);
