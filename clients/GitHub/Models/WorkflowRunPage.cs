namespace Prow.Clients.GitHub;

/// <summary>The wrapper GitHub puts around a page of workflow runs.</summary>
internal sealed record WorkflowRunPage
{
    public int TotalCount { get; set; }
    public IReadOnlyList<WorkflowRun> WorkflowRuns { get; set; } = [];
}
