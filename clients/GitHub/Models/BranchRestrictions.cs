namespace Prow.Clients.GitHub;

/// <summary>Who may push, as GitHub reports it (objects, not names).</summary>
public sealed record BranchRestrictions
{
    public IReadOnlyList<User> Users { get; set; } = [];
    public IReadOnlyList<Team> Teams { get; set; } = [];
    public IReadOnlyList<Team> Apps { get; set; } = [];
}
