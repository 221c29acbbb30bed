using System.Text.Json.Serialization;

namespace Prow.Clients.GitHub;

/// <summary>
/// The body of <c>PUT .../branches/{branch}/protection</c> (what branchprotector applies).
/// GitHub requires the first four keys even when null, so they are always written.
/// </summary>
public sealed record BranchProtectionRequest
{
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public RequiredStatusChecks? RequiredStatusChecks { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool? EnforceAdmins { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public RequiredPullRequestReviews? RequiredPullRequestReviews { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public BranchRestrictionsRequest? Restrictions { get; init; }

    public bool? RequiredLinearHistory { get; init; }
    public bool? AllowForcePushes { get; init; }
    public bool? AllowDeletions { get; init; }
}
