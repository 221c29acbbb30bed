using Orleans;

namespace Prow.GrainInterfaces.Tide;

/// <summary>What tide needs to know about one pull request, from a webhook payload or from GitHub's API.</summary>
/// <param name="Mergeable">GitHub's answer; null while GitHub is still computing it.</param>
/// <param name="Open">False once the pull request is closed or merged: it leaves the pool.</param>
/// <param name="MergeableState">GitHub's mergeable_state (clean, blocked, dirty, unstable, behind, unknown); null when not given.</param>
[GenerateSerializer, Immutable]
public sealed record PoolPullRequest(
    int Number,
    string HeadSha,
    string HeadRef,
    string BaseRef,
    string Title,
    string Body,
    string Author,
    IReadOnlyList<string> Labels,
    string? Milestone,
    bool Draft,
    bool? Mergeable,
    bool Open,
    string? MergeableState = null)
{
    /// <summary>GitHub's own merge blockers (branch protection, required reviews, rulesets) hold it: Prow's BLOCKED merge state.</summary>
    public bool BlockedByGitHub => MergeableState == "blocked";
}

/// <summary>One status context (or check run) on a commit.</summary>
/// <param name="State">pending, success, failure or error (check runs are mapped onto these).</param>
[GenerateSerializer, Immutable]
public sealed record ContextUpdate(string Sha, string Context, string State);

/// <summary>The periodic sync's view of a branch, with the open issues that block merging to it.</summary>
[GenerateSerializer, Immutable]
public sealed record PoolSync(string BaseSha, IReadOnlyList<PoolPullRequest> Pulls, IReadOnlyList<PoolBlocker> Blockers);

/// <summary>An open issue carrying tide's blocker_label: no merges to its branches (all, or those its title names as <c>branch:name</c>).</summary>
[GenerateSerializer, Immutable]
public sealed record PoolBlocker(int Number, string Title, string Url);
