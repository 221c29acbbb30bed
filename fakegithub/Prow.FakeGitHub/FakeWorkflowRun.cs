namespace Prow.FakeGitHub;

/// <summary>A GitHub Actions workflow run in the fake; a rerun of its failed jobs queues it again and counts an attempt.</summary>
public sealed class FakeWorkflowRun
{
    public required long Id { get; init; }
    public required string Name { get; init; }
    public required string HeadSha { get; init; }
    public required string HeadBranch { get; init; }
    public string Event { get; init; } = "pull_request";
    public string Status { get; set; } = "completed";
    public string? Conclusion { get; set; } = "failure";
    public int RunAttempt { get; set; } = 1;
}
