namespace Prow.Config.Jobs;

/// <summary>Who may rerun a job from the status site.</summary>
public sealed record RerunAuthConfig
{
    public bool AllowAnyone { get; init; }
    public IReadOnlyList<string> GitHubUsers { get; init; } = [];
    public IReadOnlyList<string> GitHubTeamSlugs { get; init; } = [];
    public IReadOnlyList<int> GitHubTeamIds { get; init; } = [];
    public IReadOnlyList<string> GitHubOrgs { get; init; } = [];
}
