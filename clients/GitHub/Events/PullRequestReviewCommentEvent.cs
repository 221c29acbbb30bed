namespace Prow.Clients.GitHub.Events;

/// <summary><c>pull_request_review_comment</c>: created, edited, deleted.</summary>
public sealed record PullRequestReviewCommentEvent : GitHubEvent
{
    public override string EventName => "pull_request_review_comment";

    public string Action { get; set; } = "";

    public ReviewComment Comment { get; set; } = null!;

    public PullRequest PullRequest { get; set; } = null!;

    public override string? Validate() =>
        Action.Length == 0 ? "action is missing"
        : Comment is null ? "comment is missing"
        : PullRequest is null || PullRequest.Number <= 0 ? "pull_request.number is missing"
        : RequireRepository();
}
