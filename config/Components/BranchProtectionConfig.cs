namespace Prow.Config.Components;

/// <summary>The <c>branch-protection</c> section: global → orgs → repos → branches.</summary>
public sealed record BranchProtectionConfig
{
    public BranchProtectionPolicy Policy { get; init; } = new();

    /// <summary>org → (repos → (branches)).</summary>
    public IReadOnlyDictionary<string, BranchProtectionNode> Orgs { get; init; } = new Dictionary<string, BranchProtectionNode>();

    public bool? ProtectTestedRepos { get; init; }
    public bool? AllowDisabledPolicies { get; init; }
    public bool? AllowDisabledJobPolicies { get; init; }
    public bool? ProtectReposWithOptionalJobs { get; init; }

    /// <summary>The effective policy for one branch, layering global, org, repo and branch.</summary>
    public BranchProtectionPolicy PolicyFor(string org, string repo, string branch)
    {
        var policy = Policy;
        if (Orgs.TryGetValue(org, out var o))
        {
            policy = policy.Apply(o.Policy);
            if (o.Children.TryGetValue(repo, out var r))
            {
                policy = policy.Apply(r.Policy);
                if (r.Children.TryGetValue(branch, out var b))
                {
                    policy = policy.Apply(b.Policy);
                }
            }
        }

        return policy;
    }
}
