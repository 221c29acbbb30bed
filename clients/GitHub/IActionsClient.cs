namespace Prow.Clients.GitHub;

/// <summary>GitHub Actions: the workflow runs of a pull request's head, for trigger_github_workflows.</summary>
public interface IActionsClient
{
    /// <summary>
    /// Workflow runs for <paramref name="headSha"/> on <paramref name="branch"/> started by a pull request (its own
    /// workflows, pull_request_target ones, and those they call), following pagination.
    /// </summary>
    Task<IReadOnlyList<WorkflowRun>> ListPullRequestWorkflowRunsAsync(string owner, string repo, string branch, string headSha, CancellationToken cancellationToken);

    /// <summary>Runs again the failed jobs of a finished workflow run (and the jobs that depend on them).</summary>
    Task RerunFailedJobsAsync(string owner, string repo, long runId, CancellationToken cancellationToken);
}
