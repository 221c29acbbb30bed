namespace Prow.Clients.GitHub;

/// <summary>The body of <c>POST /repos/{owner}/{repo}/statuses/{sha}</c>.</summary>
public sealed record NewCommitStatus
{
    public required StatusState State { get; init; }
    public required string Context { get; init; }
    public string? Description { get; init; }
    public string? TargetUrl { get; init; }
}
