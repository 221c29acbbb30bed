namespace Prow.Clients.GitHub;

public interface IPullRequestClient
{
    Task<PullRequest> GetPullRequestAsync(string owner, string repo, int number, CancellationToken cancellationToken);

    /// <summary>Every changed file, following pagination (GitHub stops at 3000 files).</summary>
    Task<IReadOnlyList<PullRequestFile>> ListPullRequestFilesAsync(string owner, string repo, int number, CancellationToken cancellationToken);

    /// <summary>The pull request's commits, oldest first, following pagination (GitHub lists at most 250).</summary>
    Task<IReadOnlyList<PullRequestCommit>> ListPullRequestCommitsAsync(string owner, string repo, int number, CancellationToken cancellationToken);

    /// <summary>Comments on lines of the diff, following pagination.</summary>
    Task<IReadOnlyList<Events.ReviewComment>> ListReviewCommentsAsync(string owner, string repo, int number, CancellationToken cancellationToken);

    Task<IReadOnlyList<Review>> ListReviewsAsync(string owner, string repo, int number, CancellationToken cancellationToken);

    /// <param name="logins">People, and teams of the repository's org written <c>org/team-slug</c>.</param>
    Task RequestReviewersAsync(string owner, string repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken);

    /// <summary>Submits a review at once, with its line comments (verify-owners' comments on invalid OWNERS files).</summary>
    Task CreateReviewAsync(string owner, string repo, int number, DraftReview review, CancellationToken cancellationToken);

    /// <param name="logins">People, and teams of the repository's org written <c>org/team-slug</c>.</param>
    Task RemoveRequestedReviewersAsync(string owner, string repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken);

    Task ClosePullRequestAsync(string owner, string repo, int number, CancellationToken cancellationToken);

    Task ReopenPullRequestAsync(string owner, string repo, int number, CancellationToken cancellationToken);

    /// <exception cref="GitHubMergeException">GitHub refused the merge (405, 409, or a classified 422).</exception>
    Task<MergeResult> MergePullRequestAsync(string owner, string repo, int number, MergeDetails details, CancellationToken cancellationToken);
}
