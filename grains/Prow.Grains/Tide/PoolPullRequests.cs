using Prow.Clients.GitHub;
using Prow.GrainInterfaces.Tide;

namespace Prow.Grains.Tide;

/// <summary>Tide's view of a pull request, from GitHub's REST shape or a webhook's.</summary>
public static class PoolPullRequests
{
    public static PoolPullRequest From(PullRequest pr)
    {
        ArgumentNullException.ThrowIfNull(pr);
        return new PoolPullRequest(
            pr.Number,
            pr.Head.Sha,
            pr.Head.Ref,
            pr.Base.Ref,
            pr.Title,
            pr.Body ?? "",
            pr.User.Login,
            [.. pr.Labels.Select(l => l.Name)],
            pr.Milestone?.Title,
            pr.Draft,
            pr.Mergeable,
            pr.State == "open" && !pr.Merged,
            pr.MergeableState);
    }

    /// <summary>GitHub counts a pull request approved when some reviewer's latest verdict approves and none requests changes.</summary>
    public static bool Approved(IReadOnlyList<Review> reviews)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        var latest = reviews.Where(r => r.State is "APPROVED" or "CHANGES_REQUESTED" or "DISMISSED")
            .GroupBy(r => r.User.Login, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.Last().State)
            .ToList();
        return latest.Contains("APPROVED") && !latest.Contains("CHANGES_REQUESTED");
    }
}
