namespace Prow.Clients.GitHub;

public sealed record CommitStatus
{
    public long Id { get; set; }
    public StatusState State { get; set; }
    public string Context { get; set; } = "";
    public string? Description { get; set; }
    public string? TargetUrl { get; set; }
    public User? Creator { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}
