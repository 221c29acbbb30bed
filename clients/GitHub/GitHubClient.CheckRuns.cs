namespace Prow.Clients.GitHub;

public sealed partial class GitHubClient : ICheckRunClient
{
    public bool AuthenticatesAsApp => _app is not null;

    public Task<IReadOnlyList<CheckRun>> ListCheckRunsNamedAsync(string owner, string repo, string sha, string name, CancellationToken cancellationToken) =>
        GetPagedAsync(
            GitHubRoute.Create("/repos/{owner}/{repo}/commits/{ref}/check-runs", owner, repo, sha).WithQuery(("check_name", name), ("filter", "all")),
            Json.CheckRunPage,
            page => page.CheckRuns,
            cancellationToken);

    public async Task<CheckRun> CreateCheckRunAsync(string owner, string repo, CheckRunBody checkRun, CancellationToken cancellationToken)
    {
        var response = await WriteAsync(HttpMethod.Post, GitHubRoute.Create("/repos/{owner}/{repo}/check-runs", owner, repo), checkRun, Json.CheckRunBody, cancellationToken);
        return response.Read(Json.CheckRun);
    }

    public async Task<CheckRun> UpdateCheckRunAsync(string owner, string repo, long id, CheckRunBody update, CancellationToken cancellationToken)
    {
        var route = GitHubRoute.Create("/repos/{owner}/{repo}/check-runs/{id}", owner, repo, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var response = await WriteAsync(HttpMethod.Patch, route, update, Json.CheckRunBody, cancellationToken);
        return response.Read(Json.CheckRun);
    }
}
