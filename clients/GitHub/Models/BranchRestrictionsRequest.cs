namespace Prow.Clients.GitHub;

/// <summary>Who may push, as GitHub takes it on update (logins and slugs).</summary>
public sealed record BranchRestrictionsRequest
{
    public IReadOnlyList<string> Users { get; set; } = [];
    public IReadOnlyList<string> Teams { get; set; } = [];
    public IReadOnlyList<string> Apps { get; set; } = [];
}
