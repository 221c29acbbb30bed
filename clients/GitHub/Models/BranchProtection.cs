namespace Prow.Clients.GitHub;

/// <summary>Branch protection as <c>GET .../branches/{branch}/protection</c> returns it.</summary>
public sealed record BranchProtection
{
    public RequiredStatusChecks? RequiredStatusChecks { get; init; }
    public EnabledSetting? EnforceAdmins { get; init; }
    public RequiredPullRequestReviews? RequiredPullRequestReviews { get; init; }
    public BranchRestrictions? Restrictions { get; init; }
    public EnabledSetting? RequiredLinearHistory { get; init; }
    public EnabledSetting? AllowForcePushes { get; init; }
    public EnabledSetting? AllowDeletions { get; init; }
}
