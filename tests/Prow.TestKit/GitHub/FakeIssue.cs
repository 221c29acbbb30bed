namespace Prow.TestKit.GitHub;

/// <summary>An issue, or a pull request when <see cref="IsPullRequest"/> (GitHub numbers both alike).</summary>
public sealed class FakeIssue
{
    public required int Number { get; init; }
    public required string Title { get; set; }
    public required string Author { get; set; }
    public bool IsPullRequest { get; init; }
    public string State { get; set; } = "open";
    public string Body { get; set; } = "";
    public List<string> Labels { get; } = [];
    public List<string> Assignees { get; } = [];
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UnixEpoch;
    public string? Milestone { get; set; }

    // Pull request fields.
    public string HeadSha { get; set; } = "";
    public string HeadRef { get; set; } = "";
    public string BaseRef { get; set; } = "main";
    public bool Draft { get; set; }
    public bool? Mergeable { get; set; } = true;
    public bool Merged { get; set; }
    public string? MergeCommitSha { get; set; }
    public List<FakeChangedFile> Files { get; } = [];
    public List<string> RequestedReviewers { get; } = [];
    public List<FakeReview> Reviews { get; } = [];

    /// <summary>When set, the next merge attempt answers this status and message instead of merging.</summary>
    public (int Status, string Message)? MergeFailure { get; set; }
}
