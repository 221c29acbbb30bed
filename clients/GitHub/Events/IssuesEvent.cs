namespace Prow.Clients.GitHub.Events;

/// <summary><c>issues</c>: opened, edited, closed, reopened, labeled, unlabeled, assigned, ...</summary>
public sealed record IssuesEvent : GitHubEvent
{
    public override string EventName => "issues";

    public string Action { get; set; } = "";

    public Issue Issue { get; set; } = null!;

    public Label? Label { get; set; }

    public override string? Validate() =>
        Action.Length == 0 ? "action is missing"
        : Issue is null || Issue.Number <= 0 ? "issue.number is missing"
        : RequireRepository();
}
