namespace Prow.Config.Components;

/// <summary>An org, repo or branch entry of <c>branch-protection</c>: its policy and its children.</summary>
public sealed record BranchProtectionNode(BranchProtectionPolicy Policy, IReadOnlyDictionary<string, BranchProtectionNode> Children)
{
    public static readonly BranchProtectionNode Empty = new(new BranchProtectionPolicy(), new Dictionary<string, BranchProtectionNode>());
}
