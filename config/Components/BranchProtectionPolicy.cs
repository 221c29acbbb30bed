namespace Prow.Config.Components;

/// <summary>
/// One level of branch protection (global, org, repo or branch). <see cref="Apply"/> layers a child
/// on its parent as Prow's Policy.Apply does: set flags override, lists are unioned.
/// </summary>
public sealed record BranchProtectionPolicy
{
    public bool? Protect { get; init; }
    public bool? Unmanaged { get; init; }
    public bool? EnforceAdmins { get; init; }
    public bool? RequiredLinearHistory { get; init; }
    public bool? AllowForcePushes { get; init; }
    public bool? AllowDeletions { get; init; }
    public bool? RequireManuallyTriggeredJobs { get; init; }
    public IReadOnlyList<string>? RequiredContexts { get; init; }
    public bool? StrictStatusChecks { get; init; }
    public IReadOnlyList<string>? RestrictApps { get; init; }
    public IReadOnlyList<string>? RestrictUsers { get; init; }
    public IReadOnlyList<string>? RestrictTeams { get; init; }
    public bool? DismissStaleReviews { get; init; }
    public bool? RequireCodeOwnerReviews { get; init; }
    public int? RequiredApprovingReviewCount { get; init; }
    public IReadOnlyList<string> Include { get; init; } = [];
    public IReadOnlyList<string> Exclude { get; init; } = [];

    public BranchProtectionPolicy Apply(BranchProtectionPolicy child) => new()
    {
        Protect = child.Protect ?? Protect,
        Unmanaged = child.Unmanaged ?? Unmanaged,
        EnforceAdmins = child.EnforceAdmins ?? EnforceAdmins,
        RequiredLinearHistory = child.RequiredLinearHistory ?? RequiredLinearHistory,
        AllowForcePushes = child.AllowForcePushes ?? AllowForcePushes,
        AllowDeletions = child.AllowDeletions ?? AllowDeletions,
        RequireManuallyTriggeredJobs = child.RequireManuallyTriggeredJobs ?? RequireManuallyTriggeredJobs,
        RequiredContexts = Union(RequiredContexts, child.RequiredContexts),
        StrictStatusChecks = child.StrictStatusChecks ?? StrictStatusChecks,
        RestrictApps = Union(RestrictApps, child.RestrictApps),
        RestrictUsers = Union(RestrictUsers, child.RestrictUsers),
        RestrictTeams = Union(RestrictTeams, child.RestrictTeams),
        DismissStaleReviews = child.DismissStaleReviews ?? DismissStaleReviews,
        RequireCodeOwnerReviews = child.RequireCodeOwnerReviews ?? RequireCodeOwnerReviews,
        RequiredApprovingReviewCount = child.RequiredApprovingReviewCount ?? RequiredApprovingReviewCount,
        Include = Union(Include, child.Include)!,
        Exclude = Union(Exclude, child.Exclude)!,
    };

    private static IReadOnlyList<string>? Union(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        a is null ? b : b is null ? a : a.Union(b, StringComparer.Ordinal).ToList();
}
