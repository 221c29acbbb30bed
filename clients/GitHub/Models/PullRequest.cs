namespace Prow.Clients.GitHub;

public sealed record PullRequest
{
    public long Id { get; set; }
    public int Number { get; set; }
    public string State { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Body { get; set; }
    public User User { get; set; } = new();
    public PullRequestBranch Head { get; set; } = new();
    public PullRequestBranch Base { get; set; } = new();
    public bool Draft { get; set; }
    public bool Merged { get; set; }

    /// <summary>Null while GitHub is still computing mergeability.</summary>
    public bool? Mergeable { get; set; }
    public string? MergeableState { get; set; }
    public string? MergeCommitSha { get; set; }
    public IReadOnlyList<Label> Labels { get; set; } = [];
    public IReadOnlyList<User> Assignees { get; set; } = [];
    public IReadOnlyList<User> RequestedReviewers { get; set; } = [];
    public string? HtmlUrl { get; set; }
    public Milestone? Milestone { get; set; }

    /// <summary>OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, FIRST_TIME_CONTRIBUTOR, NONE... (webhooks and REST both carry it).</summary>
    public string? AuthorAssociation { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public int Additions { get; set; }
    public int Deletions { get; set; }
    public int ChangedFiles { get; set; }

    /// <summary>How many commits the pull request holds.</summary>
    public int Commits { get; set; }
}
