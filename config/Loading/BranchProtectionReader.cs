using Prow.Config.Components;
using Prow.Config.Yaml;

namespace Prow.Config.Loading;

/// <summary>Reads <c>branch-protection</c>: policy fields at every level, then orgs → repos → branches.</summary>
internal static class BranchProtectionReader
{
    private static readonly string[] s_levels = ["orgs", "repos", "branches"];

    public static BranchProtectionConfig Read(MapReader m) => new()
    {
        ProtectTestedRepos = m.Bool("protect-tested-repos"),
        AllowDisabledPolicies = m.Bool("allow_disabled_policies"),
        AllowDisabledJobPolicies = m.Bool("allow_disabled_job_policies"),
        ProtectReposWithOptionalJobs = m.Bool("protect_repos_with_optional_jobs"),
        Policy = ReadPolicy(m),
        Orgs = ReadChildren(m, 0),
    };

    private static IReadOnlyDictionary<string, BranchProtectionNode> ReadChildren(MapReader m, int depth) =>
        depth < s_levels.Length
            ? m.ObjMap(s_levels[depth], (c, _) => new BranchProtectionNode(ReadPolicy(c), ReadChildren(c, depth + 1)))
            : new Dictionary<string, BranchProtectionNode>();

    private static BranchProtectionPolicy ReadPolicy(MapReader m)
    {
        var checks = m.Struct("required_status_checks", c => (Contexts: c.StrList("contexts"), Strict: c.Bool("strict")));
        var restrictions = m.Struct("restrictions", r => (Apps: NullIfAbsent(r, "apps"), Users: NullIfAbsent(r, "users"), Teams: NullIfAbsent(r, "teams")));
        var reviews = m.Struct("required_pull_request_reviews", r =>
        {
            var result = (Dismiss: r.Bool("dismiss_stale_reviews"), Owners: r.Bool("require_code_owner_reviews"), Count: r.Int("required_approving_review_count"));
            r.Known("dismissal_restrictions", "bypass_pull_request_allowances", "require_last_push_approval");
            return result;
        });
        m.Known("require_conversation_resolution", "lock_branch", "allow_fork_syncing", "required_signatures", "require_signed_commits");
        return new BranchProtectionPolicy
        {
            Protect = m.Bool("protect"),
            Unmanaged = m.Bool("unmanaged"),
            EnforceAdmins = m.Bool("enforce_admins"),
            RequiredLinearHistory = m.Bool("required_linear_history"),
            AllowForcePushes = m.Bool("allow_force_pushes"),
            AllowDeletions = m.Bool("allow_deletions"),
            RequireManuallyTriggeredJobs = m.Bool("require_manually_triggered_jobs"),
            RequiredContexts = checks?.Contexts,
            StrictStatusChecks = checks?.Strict,
            RestrictApps = restrictions?.Apps,
            RestrictUsers = restrictions?.Users,
            RestrictTeams = restrictions?.Teams,
            DismissStaleReviews = reviews?.Dismiss,
            RequireCodeOwnerReviews = reviews?.Owners,
            RequiredApprovingReviewCount = reviews?.Count,
            Include = m.StrList("include"),
            Exclude = m.StrList("exclude"),
        };
    }

    private static IReadOnlyList<string>? NullIfAbsent(MapReader m, string key) => m.Has(key) ? m.StrList(key) : null;
}
