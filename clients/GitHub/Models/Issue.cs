namespace Prow.Clients.GitHub;

/// <summary>An issue or pull request as the issues and search APIs return it.</summary>
public sealed record Issue
{
    public long Id { get; init; }
    public int Number { get; init; }
    public string State { get; init; } = "";
    public string Title { get; init; } = "";
    public string? Body { get; init; }
    public User User { get; init; } = new();
    public IReadOnlyList<Label> Labels { get; init; } = [];
    public IReadOnlyList<User> Assignees { get; init; } = [];
    public string? HtmlUrl { get; init; }

    /// <summary><c>https://api.github.com/repos/{owner}/{repo}</c>; search results carry no other repo name.</summary>
    public string? RepositoryUrl { get; init; }

    /// <summary>Present only when the issue is a pull request.</summary>
    public IssuePullRequestLink? PullRequest { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }

    public bool IsPullRequest => PullRequest is not null;
}
