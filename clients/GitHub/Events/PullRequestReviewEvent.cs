namespace Prow.Clients.GitHub.Events;

/// <summary><c>pull_request_review</c>: submitted, edited, dismissed.</summary>
public sealed record PullRequestReviewEvent : GitHubEvent
{
    public override string EventName => "pull_request_review";

    public string Action { get; set; } = "";

    public Review Review { get; set; } = null!;

    public PullRequest PullRequest { get; set; } = null!;

    public override string? Validate() =>
        Action.Length == 0 ? "action is missing"
        : Review is null ? "review is missing"
        : PullRequest is null || PullRequest.Number <= 0 ? "pull_request.number is missing"
        : RequireRepository();
}
