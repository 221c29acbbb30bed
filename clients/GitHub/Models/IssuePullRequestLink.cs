namespace Prow.Clients.GitHub;

public sealed record IssuePullRequestLink
{
    public string? Url { get; init; }
    public string? HtmlUrl { get; init; }
}
