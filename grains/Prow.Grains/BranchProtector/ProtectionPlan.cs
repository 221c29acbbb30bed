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
        var policy = config.Prow.BranchProtection.PolicyFor(org, repo, branch);
        if (policy.Unmanaged == true || policy.Protect is null)
        {
            return (false, null);
        }

        return policy.Protect == false ? (true, null) : (true, Request(policy, RequiredContexts(config, policy, org, repo, branch)));
    }

    /// <summary>True when applying <paramref name="desired"/> would change what GitHub has.</summary>
    public static bool Differs(BranchProtection? current, BranchProtectionRequest desired)
    {
        ArgumentNullException.ThrowIfNull(desired);
        return current is null || Canonical(AsRequest(current)) != Canonical(desired);
    }

    private static List<string> RequiredContexts(ConfigSnapshot config, BranchProtectionPolicy policy, string org, string repo, string branch)
    {
        var contexts = new SortedSet<string>(policy.RequiredContexts ?? [], StringComparer.Ordinal);
        foreach (var job in config.Jobs.PresubmitsFor(org, repo).Where(p => p.ContextRequired && p.CouldRun(branch)))
        {
            if (job.AlwaysRun || (policy.RequireManuallyTriggeredJobs == true && job.NeedsExplicitTrigger))
            {
                contexts.Add(Tide.ContextRequirements.ContextOf(job));
            }
        }

        return [.. contexts];
    }

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
