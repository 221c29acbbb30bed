namespace Prow.Clients.GitHub;

public interface IRepositoryClient
{
    Task<Repository> GetRepositoryAsync(string owner, string repo, CancellationToken cancellationToken);

    Task<IReadOnlyList<Label>> GetRepositoryLabelsAsync(string owner, string repo, CancellationToken cancellationToken);

    /// <summary>A file at a ref (OWNERS, config); null when it does not exist there.</summary>
    Task<RepositoryFile?> GetFileContentAsync(string owner, string repo, string path, string? gitRef, CancellationToken cancellationToken);

    /// <summary>The SHA a ref such as <c>heads/main</c> points at.</summary>
    Task<string> GetRefShaAsync(string owner, string repo, string gitRef, CancellationToken cancellationToken);

    /// <summary>The SHA a ref such as <c>tags/v1.0.0</c> points at, or null when there is no such ref.</summary>
    Task<string?> FindRefShaAsync(string owner, string repo, string gitRef, CancellationToken cancellationToken);

    /// <summary>The SHA of the tree a commit points at: equal trees mean equal content, whatever the history.</summary>
    Task<string> GetCommitTreeShaAsync(string owner, string repo, string commitSha, CancellationToken cancellationToken);

    Task<Branch> GetBranchAsync(string owner, string repo, string branch, CancellationToken cancellationToken);

    /// <summary>Every branch of the repository, following pagination.</summary>
    Task<IReadOnlyList<Branch>> ListBranchesAsync(string owner, string repo, CancellationToken cancellationToken);

    /// <summary>Every repository of an organisation (<c>type=all</c>: public, private, forks), archived ones included.</summary>
    Task<IReadOnlyList<Repository>> ListOrgRepositoriesAsync(string org, CancellationToken cancellationToken);

    /// <returns>Null when the branch is not protected.</returns>
    Task<BranchProtection?> GetBranchProtectionAsync(string owner, string repo, string branch, CancellationToken cancellationToken);

    Task UpdateBranchProtectionAsync(string owner, string repo, string branch, BranchProtectionRequest protection, CancellationToken cancellationToken);

    Task RemoveBranchProtectionAsync(string owner, string repo, string branch, CancellationToken cancellationToken);

    /// <summary>Deletes a ref such as <c>heads/feature</c> (the branchcleaner plugin).</summary>
    Task DeleteRefAsync(string owner, string repo, string gitRef, CancellationToken cancellationToken);

    Task<bool> IsCollaboratorAsync(string owner, string repo, string login, CancellationToken cancellationToken);

    Task<CollaboratorAccess> GetCollaboratorPermissionAsync(string owner, string repo, string login, CancellationToken cancellationToken);
}
