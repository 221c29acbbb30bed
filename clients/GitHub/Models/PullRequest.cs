namespace Prow.Clients.GitHub;

public sealed record PullRequest
{
    public long Id { get; init; }
    public int Number { get; init; }
    public string State { get; init; } = "";
    public string Title { get; init; } = "";
    public string? Body { get; init; }
    public User User { get; init; } = new();
    public PullRequestBranch Head { get; init; } = new();
    public PullRequestBranch Base { get; init; } = new();
    public bool Draft { get; init; }
    public bool Merged { get; init; }

    /// <summary>Null while GitHub is still computing mergeability.</summary>
    public bool? Mergeable { get; init; }
    public string? MergeableState { get; init; }
    public string? MergeCommitSha { get; init; }
    public IReadOnlyList<Label> Labels { get; init; } = [];
    public IReadOnlyList<User> Assignees { get; init; } = [];
    public IReadOnlyList<User> RequestedReviewers { get; init; } = [];
    public string? HtmlUrl { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public int Additions { get; init; }
    public int Deletions { get; init; }
    public int ChangedFiles { get; init; }
}
