namespace Prow.Clients.GitHub;

public sealed record CommitStatus
{
    public long Id { get; init; }
    public StatusState State { get; init; }
    public string Context { get; init; } = "";
    public string? Description { get; init; }
    public string? TargetUrl { get; init; }
    public User? Creator { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
}
