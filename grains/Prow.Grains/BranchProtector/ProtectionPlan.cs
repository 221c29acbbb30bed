using System.Text.Json;
using Prow.Clients.GitHub;
using Prow.Config;
using Prow.Config.Components;

namespace Prow.Grains.BranchProtector;

/// <summary>
/// What branch protection one branch should have, from the layered <c>branch-protection</c> policy plus the contexts
/// of the presubmits that must pass there, and whether GitHub's current protection already says the same.
/// </summary>
public static class ProtectionPlan
{
    private static readonly JsonSerializerOptions s_compare = new() { WriteIndented = false };

    /// <summary>What to do with a branch: protect it as given, remove its protection, or leave it alone.</summary>
    public static (bool Managed, BranchProtectionRequest? Desired) For(ConfigSnapshot config, string org, string repo, string branch)
    {
        ArgumentNullException.ThrowIfNull(config);
        var section = config.Prow.BranchProtection;
        var policy = section.PolicyFor(org, repo, branch);
        if (policy.Unmanaged == true)
        {
            return (false, null);
        }

        var contexts = RequiredContexts(config, policy, org, repo, branch);
        var protect = policy.Protect;
        if (JobContexts(config, policy, org, repo, branch).Count > 0)
        {
            // Prow's jobs must pass here: Prow never removes protection they rely on, and protect-tested-repos protects such branches by default.
            if (protect == false)
            {
                return (false, null);
            }

            protect ??= section.ProtectTestedRepos == true ? true : null;
        }

        return protect switch
        {
            null => (false, null),
            false => (true, null),
            true => (true, Request(policy, contexts)),
        };
    }

    /// <summary>True when applying <paramref name="desired"/> would change what GitHub has.</summary>
    public static bool Differs(BranchProtection? current, BranchProtectionRequest desired)
    {
        ArgumentNullException.ThrowIfNull(desired);
        return current is null || Canonical(AsRequest(current)) != Canonical(desired);
    }

    private static List<string> RequiredContexts(ConfigSnapshot config, BranchProtectionPolicy policy, string org, string repo, string branch) =>
        [.. new SortedSet<string>((policy.RequiredContexts ?? []).Concat(JobContexts(config, policy, org, repo, branch)), StringComparer.Ordinal)];

    /// <summary>The contexts of the presubmits that must pass on the branch (Prow's BranchRequirements' required ones).</summary>
    private static List<string> JobContexts(ConfigSnapshot config, BranchProtectionPolicy policy, string org, string repo, string branch) =>
        [.. config.Jobs.PresubmitsFor(org, repo)
            .Where(p => p.ContextRequired && p.CouldRun(branch) && (p.AlwaysRun || (policy.RequireManuallyTriggeredJobs == true && p.NeedsExplicitTrigger)))
            .Select(Tide.ContextRequirements.ContextOf)];

    private static BranchProtectionRequest Request(BranchProtectionPolicy policy, List<string> contexts) => new()
    {
        RequiredStatusChecks = contexts.Count > 0 || policy.StrictStatusChecks == true
            ? new RequiredStatusChecks { Strict = policy.StrictStatusChecks == true, Contexts = contexts }
            : null,
        EnforceAdmins = policy.EnforceAdmins == true,
        RequiredPullRequestReviews = policy.DismissStaleReviews is not null || policy.RequireCodeOwnerReviews is not null || policy.RequiredApprovingReviewCount is not null
            ? new RequiredPullRequestReviews
            {
                DismissStaleReviews = policy.DismissStaleReviews == true,
                RequireCodeOwnerReviews = policy.RequireCodeOwnerReviews == true,
                RequiredApprovingReviewCount = policy.RequiredApprovingReviewCount ?? 0,
            }
            : null,
        Restrictions = policy.RestrictApps is not null || policy.RestrictUsers is not null || policy.RestrictTeams is not null
            ? new BranchRestrictionsRequest { Apps = policy.RestrictApps ?? [], Users = policy.RestrictUsers ?? [], Teams = policy.RestrictTeams ?? [] }
            : null,
        RequiredLinearHistory = policy.RequiredLinearHistory == true,
        AllowForcePushes = policy.AllowForcePushes == true,
        AllowDeletions = policy.AllowDeletions == true,
    };

    private static BranchProtectionRequest AsRequest(BranchProtection current) => new()
    {
        RequiredStatusChecks = current.RequiredStatusChecks,
        EnforceAdmins = current.EnforceAdmins?.Enabled == true,
        RequiredPullRequestReviews = current.RequiredPullRequestReviews,
        Restrictions = current.Restrictions is { } r
            ? new BranchRestrictionsRequest { Apps = [.. r.Apps.Select(a => a.Slug)], Users = [.. r.Users.Select(u => u.Login)], Teams = [.. r.Teams.Select(t => t.Slug)] }
            : null,
        RequiredLinearHistory = current.RequiredLinearHistory?.Enabled == true,
        AllowForcePushes = current.AllowForcePushes?.Enabled == true,
        AllowDeletions = current.AllowDeletions?.Enabled == true,
    };

    /// <summary>Order-insensitive text of a request, for comparison.</summary>
    private static string Canonical(BranchProtectionRequest request)
    {
        static List<string> Sorted(IReadOnlyList<string>? names) => [.. (names ?? []).Order(StringComparer.Ordinal)];
        return JsonSerializer.Serialize(
            new
            {
                checks = request.RequiredStatusChecks is { } c ? new { c.Strict, Contexts = Sorted(c.Contexts) } : null,
                request.EnforceAdmins,
                reviews = request.RequiredPullRequestReviews,
                restrictions = request.Restrictions is { } r ? new { Apps = Sorted(r.Apps), Users = Sorted(r.Users), Teams = Sorted(r.Teams) } : null,
                request.RequiredLinearHistory,
                request.AllowForcePushes,
                request.AllowDeletions,
            },
            s_compare);
    }
}
