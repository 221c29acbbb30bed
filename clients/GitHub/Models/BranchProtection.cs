namespace Prow.Clients.GitHub;

/// <summary>Branch protection as <c>GET .../branches/{branch}/protection</c> returns it.</summary>
public sealed record BranchProtection
{
    public RequiredStatusChecks? RequiredStatusChecks { get; set; }
    public EnabledSetting? EnforceAdmins { get; set; }
    public RequiredPullRequestReviews? RequiredPullRequestReviews { get; set; }
    public BranchRestrictions? Restrictions { get; set; }
    public EnabledSetting? RequiredLinearHistory { get; set; }
    public EnabledSetting? AllowForcePushes { get; set; }
    public EnabledSetting? AllowDeletions { get; set; }
}
