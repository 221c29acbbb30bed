namespace Prow.Clients.GitHub;

public sealed partial class GitHubClient
{
    public Task CreateStatusAsync(string owner, string repo, string sha, NewCommitStatus status, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Post, GitHubRoute.Create("/repos/{owner}/{repo}/statuses/{sha}", owner, repo, sha), status, Json.NewCommitStatus, cancellationToken);

    public Task<IReadOnlyList<CommitStatus>> ListStatusesAsync(string owner, string repo, string gitRef, CancellationToken cancellationToken) =>
        GetPagedAsync(GitHubRoute.Create("/repos/{owner}/{repo}/commits/{ref}/statuses", owner, repo, gitRef), Json.ListCommitStatus, cancellationToken);

    public async Task<CombinedStatus> GetCombinedStatusAsync(string owner, string repo, string gitRef, CancellationToken cancellationToken)
    {
        // The combined status pages its statuses too; the first page carries the state, later pages add contexts.
        var route = GitHubRoute.Create("/repos/{owner}/{repo}/commits/{ref}/status", owner, repo, gitRef);
        CombinedStatus? first = null;
        var statuses = await GetPagedAsync(
            route,
            Json.CombinedStatus,
            page =>
            {
                first ??= page;
                return page.Statuses;
            },
            cancellationToken);
        return first! with { Statuses = statuses };
    }

    public Task<IReadOnlyList<CheckRun>> ListCheckRunsAsync(string owner, string repo, string gitRef, CancellationToken cancellationToken) =>
        GetPagedAsync(
            GitHubRoute.Create("/repos/{owner}/{repo}/commits/{ref}/check-runs", owner, repo, gitRef),
            Json.CheckRunPage,
            page => page.CheckRuns,
            cancellationToken);
}
