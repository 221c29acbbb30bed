using Orleans;

namespace Prow.GrainInterfaces.Tide;

/// <summary>
/// Which branch's pool a commit is the head of (key <c>org/repo</c>). Statuses and check runs name a commit, not a
/// pull request; this lets the repository route them to the right pool without asking GitHub.
/// </summary>
public interface IPoolHeadIndexGrain : IGrainWithStringKey
{
    /// <summary>The pool of <paramref name="branch"/> now tracks exactly these heads.</summary>
    Task SetHeadsAsync(string branch, IReadOnlyList<string> heads);

    /// <summary>The branches whose pools track any head.</summary>
    Task<IReadOnlyList<string>> BranchesAsync();

    /// <summary>The branches whose pools track this head (usually one).</summary>
    Task<IReadOnlyList<string>> FindAsync(string sha);
}
