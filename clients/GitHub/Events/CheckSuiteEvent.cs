namespace Prow.Clients.GitHub.Events;

/// <summary><c>check_suite</c>: completed, requested, rerequested.</summary>
public sealed record CheckSuiteEvent : GitHubEvent
{
    public override string EventName => "check_suite";

    public string Action { get; set; } = "";

    public CheckSuite CheckSuite { get; set; } = null!;

    public override string? Validate() =>
        Action.Length == 0 ? "action is missing"
        : CheckSuite is null || CheckSuite.HeadSha.Length == 0 ? "check_suite.head_sha is missing"
        : RequireRepository();
}

public sealed record CheckSuite
{
    public long Id { get; set; }

    public string HeadSha { get; set; } = "";

    public string? HeadBranch { get; set; }

    public string? Status { get; set; }

    public string? Conclusion { get; set; }

    public IReadOnlyList<PullRequestReference> PullRequests { get; set; } = [];
}
