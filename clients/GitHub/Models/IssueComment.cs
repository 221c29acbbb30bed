namespace Prow.Clients.GitHub;

public sealed record IssueComment
{
    public long Id { get; init; }
    public string Body { get; init; } = "";
    public User User { get; init; } = new();
    public string? HtmlUrl { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
}
