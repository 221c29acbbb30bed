namespace Prow.Clients.GitHub;

public sealed partial class GitHubClient
{
    internal const string ProtectionTemplate = "/repos/{owner}/{repo}/branches/{branch}/protection";

    public Task<Repository> GetRepositoryAsync(string owner, string repo, CancellationToken cancellationToken) =>
        GetAsync(GitHubRoute.Create("/repos/{owner}/{repo}", owner, repo), Json.Repository, cancellationToken);

    public Task<IReadOnlyList<Label>> GetRepositoryLabelsAsync(string owner, string repo, CancellationToken cancellationToken) =>
        GetPagedAsync(GitHubRoute.Create("/repos/{owner}/{repo}/labels", owner, repo), Json.ListLabel, cancellationToken);

    public async Task<RepositoryFile?> GetFileContentAsync(string owner, string repo, string path, string? gitRef, CancellationToken cancellationToken)
    {
        var route = GitHubRoute.Create("/repos/{owner}/{repo}/contents/{path}", owner, repo, path).WithQuery(("ref", gitRef));
        var content = await GetOrNullAsync(route, Json.ContentResponse, cancellationToken);
        if (content is null || content.Type != "file")
        {
            return null; // absent, or a directory
        }

        // GitHub wraps base64 at 60 columns.
        var data = content.Encoding == "base64" ? Convert.FromBase64String((content.Content ?? "").Replace("\n", "", StringComparison.Ordinal)) : [];
        return new RepositoryFile(content.Path, content.Sha, data);
    }

    public Task DeleteRefAsync(string owner, string repo, string gitRef, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Delete, GitHubRoute.Create("/repos/{owner}/{repo}/git/refs/{ref}", owner, repo, gitRef), cancellationToken);

    public async Task<string?> FindRefShaAsync(string owner, string repo, string gitRef, CancellationToken cancellationToken) =>
        (await GetOrNullAsync(GitHubRoute.Create("/repos/{owner}/{repo}/git/ref/{ref}", owner, repo, gitRef), Json.GitReference, cancellationToken))?.Target.Sha;

    public async Task<string> GetRefShaAsync(string owner, string repo, string gitRef, CancellationToken cancellationToken)
    {
        var reference = await GetAsync(GitHubRoute.Create("/repos/{owner}/{repo}/git/ref/{ref}", owner, repo, gitRef), Json.GitReference, cancellationToken);
        return reference.Target.Sha;
    }

    public async Task<string> GetCommitTreeShaAsync(string owner, string repo, string commitSha, CancellationToken cancellationToken)
    {
        var commit = await GetAsync(GitHubRoute.Create("/repos/{owner}/{repo}/git/commits/{sha}", owner, repo, commitSha), Json.GitCommit, cancellationToken);
        return commit.Tree.Sha;
    }

    public Task<Branch> GetBranchAsync(string owner, string repo, string branch, CancellationToken cancellationToken) =>
        GetAsync(GitHubRoute.Create("/repos/{owner}/{repo}/branches/{branch}", owner, repo, branch), Json.Branch, cancellationToken);

    public Task<IReadOnlyList<Branch>> ListBranchesAsync(string owner, string repo, CancellationToken cancellationToken) =>
        GetPagedAsync(GitHubRoute.Create("/repos/{owner}/{repo}/branches", owner, repo), Json.ListBranch, cancellationToken);

    public Task<IReadOnlyList<Repository>> ListOrgRepositoriesAsync(string org, CancellationToken cancellationToken) =>
        GetPagedAsync(GitHubRoute.Create("/orgs/{org}/repos", org).WithQuery(("type", "all")), Json.ListRepository, cancellationToken);

    public Task<BranchProtection?> GetBranchProtectionAsync(string owner, string repo, string branch, CancellationToken cancellationToken) =>
        GetOrNullAsync(GitHubRoute.Create(ProtectionTemplate, owner, repo, branch), Json.BranchProtection, cancellationToken);

    public Task UpdateBranchProtectionAsync(string owner, string repo, string branch, BranchProtectionRequest protection, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Put, GitHubRoute.Create(ProtectionTemplate, owner, repo, branch), protection, Json.BranchProtectionRequest, cancellationToken);

    public Task RemoveBranchProtectionAsync(string owner, string repo, string branch, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Delete, GitHubRoute.Create(ProtectionTemplate, owner, repo, branch), cancellationToken);

    public Task<bool> IsCollaboratorAsync(string owner, string repo, string login, CancellationToken cancellationToken) =>
        CheckAsync(GitHubRoute.Create("/repos/{owner}/{repo}/collaborators/{username}", owner, repo, login), cancellationToken);

    public Task<CollaboratorAccess> GetCollaboratorPermissionAsync(string owner, string repo, string login, CancellationToken cancellationToken) =>
        GetAsync(GitHubRoute.Create("/repos/{owner}/{repo}/collaborators/{username}/permission", owner, repo, login), Json.CollaboratorAccess, cancellationToken);
}
