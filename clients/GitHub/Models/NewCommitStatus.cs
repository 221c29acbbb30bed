namespace Prow.Clients.GitHub;

/// <summary>The body of <c>POST /repos/{owner}/{repo}/statuses/{sha}</c>.</summary>
public sealed record NewCommitStatus
{
    public required StatusState State { get; set; }
    public required string Context { get; set; }
    public string? Description { get; set; }
    public string? TargetUrl { get; set; }
}
