namespace Prow.Clients.GitHub;

public sealed partial class GitHubClient
{
    public Task<IReadOnlyList<WorkflowRun>> ListPullRequestWorkflowRunsAsync(string owner, string repo, string branch, string headSha, CancellationToken cancellationToken) =>
        GetPagedAsync(
            GitHubRoute.Create("/repos/{owner}/{repo}/actions/runs", owner, repo)
                .WithQuery(("head_sha", headSha), ("event", "pull_request OR pull_request_target OR workflow_call"), ("branch", branch)),
            Json.WorkflowRunPage,
            page => page.WorkflowRuns,
            cancellationToken);

    public Task RerunFailedJobsAsync(string owner, string repo, long runId, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Post, GitHubRoute.Create("/repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs", owner, repo, runId.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
}
