namespace Prow.Clients.GitHub.Events;

/// <summary><c>check_run</c>: created, completed, rerequested, requested_action.</summary>
public sealed record CheckRunEvent : GitHubEvent
{
    public override string EventName => "check_run";

    public string Action { get; set; } = "";

    public CheckRun CheckRun { get; set; } = null!;

    public override string? Validate() =>
        Action.Length == 0 ? "action is missing"
        : CheckRun is null || CheckRun.HeadSha.Length == 0 ? "check_run.head_sha is missing"
        : RequireRepository();
}

/// <summary>The pull requests a check run or suite belongs to: number and branch heads only.</summary>
public sealed record PullRequestReference
{
    public int Number { get; set; }

    public PullRequestBranch? Head { get; set; }

    public PullRequestBranch? Base { get; set; }
}
