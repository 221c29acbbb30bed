namespace Prow.Config.Components;

/// <summary><c>tide.context_options</c>: a global policy refined per org, repo and branch.</summary>
public sealed record TideContextOptions
{
    public TideContextPolicy Policy { get; init; } = new();

    /// <summary>org → repos → branches, each level with its own policy.</summary>
    public IReadOnlyDictionary<string, TideContextOptions> Children { get; init; } = new Dictionary<string, TideContextOptions>();

    public TideContextPolicy PolicyFor(string org, string repo, string branch)
    {
        var policy = Policy;
        if (Children.TryGetValue(org, out var o))
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
