namespace Prow.Clients.GitHub;

public sealed record RequiredPullRequestReviews
{
    public bool DismissStaleReviews { get; init; }
    public bool RequireCodeOwnerReviews { get; init; }
    public int RequiredApprovingReviewCount { get; init; }
}
