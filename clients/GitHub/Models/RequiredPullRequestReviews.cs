namespace Prow.Clients.GitHub;

public sealed record RequiredPullRequestReviews
{
    public bool DismissStaleReviews { get; set; }
    public bool RequireCodeOwnerReviews { get; set; }
    public int RequiredApprovingReviewCount { get; set; }
}
