namespace Prow.Clients.GitHub;

public sealed record IssuePullRequestLink
{
    public string? Url { get; set; }
    public string? HtmlUrl { get; set; }
}
