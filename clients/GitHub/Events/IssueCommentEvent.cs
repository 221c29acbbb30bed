namespace Prow.Clients.GitHub.Events;

/// <summary><c>issue_comment</c>: created, edited, deleted, on an issue or a pull request.</summary>
public sealed record IssueCommentEvent : GitHubEvent
{
    public override string EventName => "issue_comment";

    public string Action { get; set; } = "";

    public Issue Issue { get; set; } = null!;

    public IssueComment Comment { get; set; } = null!;

    public override string? Validate() =>
        Action.Length == 0 ? "action is missing"
        : Issue is null || Issue.Number <= 0 ? "issue.number is missing"
        : Comment is null ? "comment is missing"
        : RequireRepository();
}
