namespace Prow.Clients.GitHub;

/// <summary>An issue or pull request as the issues and search APIs return it.</summary>
public sealed record Issue
{
    public long Id { get; set; }

    /// <summary>The GraphQL id (GitHub's <c>node_id</c>).</summary>
    public string? NodeId { get; set; }
    public int Number { get; set; }
    public string State { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Body { get; set; }
    public User User { get; set; } = new();
    public IReadOnlyList<Label> Labels { get; set; } = [];
    public IReadOnlyList<User> Assignees { get; set; } = [];
    public string? HtmlUrl { get; set; }
    public Milestone? Milestone { get; set; }

    /// <summary>OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, FIRST_TIME_CONTRIBUTOR, NONE... (webhooks and REST both carry it).</summary>
    public string? AuthorAssociation { get; set; }

    /// <summary><c>https://api.github.com/repos/{owner}/{repo}</c>; search results carry no other repo name.</summary>
    public string? RepositoryUrl { get; set; }

    /// <summary>Present only when the issue is a pull request.</summary>
    public IssuePullRequestLink? PullRequest { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    public bool IsPullRequest => PullRequest is not null;
}
