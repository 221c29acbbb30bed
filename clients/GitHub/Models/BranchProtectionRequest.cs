using System.Text.Json.Serialization;

namespace Prow.Clients.GitHub;

/// <summary>
/// The body of <c>PUT .../branches/{branch}/protection</c> (what branchprotector applies).
/// GitHub requires the first four keys even when null, so they are always written.
/// </summary>
public sealed record BranchProtectionRequest
{
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public RequiredStatusChecks? RequiredStatusChecks { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool? EnforceAdmins { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public RequiredPullRequestReviews? RequiredPullRequestReviews { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public BranchRestrictionsRequest? Restrictions { get; set; }

    public bool? RequiredLinearHistory { get; set; }
    public bool? AllowForcePushes { get; set; }
    public bool? AllowDeletions { get; set; }
}
