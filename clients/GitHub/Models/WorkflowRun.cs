namespace Prow.Clients.GitHub;

/// <summary>One GitHub Actions workflow run.</summary>
public sealed record WorkflowRun
{
    /// <summary>Conclusions of a completed run that need no rerun (Prow's passedWorkflowRunConclusions).</summary>
    private static readonly string[] s_passed = ["success", "skipped"];

    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string HeadSha { get; set; } = "";
    public string HeadBranch { get; set; } = "";
    public string Event { get; set; } = "";

    /// <summary>queued, in_progress, completed, action_required, waiting...</summary>
    public string Status { get; set; } = "";

    /// <summary>Set once completed: success, failure, cancelled, skipped, timed_out...</summary>
    public string? Conclusion { get; set; }

    /// <summary>Completed without passing: what Prow reruns on <c>/retest</c>.</summary>
    public bool Failed => Status == "completed" && !s_passed.Contains(Conclusion, StringComparer.Ordinal);
}
