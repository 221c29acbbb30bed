namespace Prow.FakeGitHub;

/// <summary>An issue, or a pull request when <see cref="IsPullRequest"/> (GitHub numbers both alike).</summary>
public sealed class FakeIssue
{
    public required int Number { get; init; }
    public required string Title { get; set; }
    public required string Author { get; set; }
    public bool IsPullRequest { get; init; }
    public string State { get; set; } = "open";

    /// <summary>Why a closed issue was closed (completed, not_planned), as the last PATCH set it.</summary>
    public string? StateReason { get; set; }
    public string Body { get; set; } = "";
    public List<string> Labels { get; } = [];
    public List<string> Assignees { get; } = [];
    public List<FakeIssueEvent> Events { get; } = [];
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UnixEpoch;
    public string? Milestone { get; set; }

    /// <summary>Pinned to the repository (GraphQL's pinIssue).</summary>
    public bool Pinned { get; set; }

    // Pull request fields.
    public string HeadSha { get; set; } = "";
    public string HeadRef { get; set; } = "";
    public string BaseRef { get; set; } = "main";
    public bool Draft { get; set; }
    public bool? Mergeable { get; set; } = true;

    /// <summary>Overrides the mergeable_state derived from <see cref="Mergeable"/> (clean/dirty), e.g. "blocked".</summary>
    public string? MergeableState { get; set; }

    /// <summary>How many more reads answer mergeable null, as GitHub does while it computes mergeability after a push.</summary>
    public int MergeabilityPendingReads { get; set; }
    public bool Merged { get; set; }
    public string? MergeCommitSha { get; set; }
    public List<FakeChangedFile> Files { get; } = [];
    public List<FakeCommit> Commits { get; } = [];
    public List<string> RequestedReviewers { get; } = [];

    /// <summary>Team slugs asked to review (team_reviewers).</summary>
    public List<string> RequestedTeams { get; } = [];
    public List<FakeReview> Reviews { get; } = [];

    /// <summary>Comments on lines of the diff (their <see cref="FakeComment.IssueNumber"/> is the pull request's).</summary>
    public List<FakeComment> ReviewComments { get; } = [];

    /// <summary>When set, the next merge attempt answers this status and message instead of merging.</summary>
    public (int Status, string Message)? MergeFailure { get; set; }
}
