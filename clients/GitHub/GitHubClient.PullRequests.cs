namespace Prow.Clients.GitHub;

public sealed partial class GitHubClient
{
    internal const string PullTemplate = "/repos/{owner}/{repo}/pulls/{number}";

    public Task<PullRequest> GetPullRequestAsync(string owner, string repo, int number, CancellationToken cancellationToken) =>
        GetAsync(GitHubRoute.Create(PullTemplate, owner, repo, number), Json.PullRequest, cancellationToken);

    public Task<IReadOnlyList<PullRequestFile>> ListPullRequestFilesAsync(string owner, string repo, int number, CancellationToken cancellationToken) =>
        GetPagedAsync(GitHubRoute.Create(PullTemplate + "/files", owner, repo, number), Json.ListPullRequestFile, cancellationToken);

    public Task<IReadOnlyList<PullRequestCommit>> ListPullRequestCommitsAsync(string owner, string repo, int number, CancellationToken cancellationToken) =>
        GetPagedAsync(GitHubRoute.Create(PullTemplate + "/commits", owner, repo, number), Json.ListPullRequestCommit, cancellationToken);

    public Task<IReadOnlyList<Events.ReviewComment>> ListReviewCommentsAsync(string owner, string repo, int number, CancellationToken cancellationToken) =>
        GetPagedAsync(GitHubRoute.Create(PullTemplate + "/comments", owner, repo, number), Json.ListReviewComment, cancellationToken);

    public Task<IReadOnlyList<Review>> ListReviewsAsync(string owner, string repo, int number, CancellationToken cancellationToken) =>
        GetPagedAsync(GitHubRoute.Create(PullTemplate + "/reviews", owner, repo, number), Json.ListReview, cancellationToken);

    public Task RequestReviewersAsync(string owner, string repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Post, GitHubRoute.Create(PullTemplate + "/requested_reviewers", owner, repo, number), ReviewersBody.For(owner, logins), Json.ReviewersBody, cancellationToken);

    public Task CreateReviewAsync(string owner, string repo, int number, DraftReview review, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Post, GitHubRoute.Create(PullTemplate + "/reviews", owner, repo, number), review, Json.DraftReview, cancellationToken);

    public Task RemoveRequestedReviewersAsync(string owner, string repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Delete, GitHubRoute.Create(PullTemplate + "/requested_reviewers", owner, repo, number), ReviewersBody.For(owner, logins), Json.ReviewersBody, cancellationToken);

    public Task ClosePullRequestAsync(string owner, string repo, int number, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Patch, GitHubRoute.Create(PullTemplate, owner, repo, number), new IssuePatchBody(State: "closed"), Json.IssuePatchBody, cancellationToken);

    public Task ReopenPullRequestAsync(string owner, string repo, int number, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Patch, GitHubRoute.Create(PullTemplate, owner, repo, number), new IssuePatchBody(State: "open"), Json.IssuePatchBody, cancellationToken);

    public async Task<MergeResult> MergePullRequestAsync(string owner, string repo, int number, MergeDetails details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(details);
        var route = GitHubRoute.Create(PullTemplate + "/merge", owner, repo, number);
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(details, Json.MergeDetails);
        var request = new GitHubRequest(HttpMethod.Put, route) { Body = body };
        var response = await _transport.SendAsync(request, cancellationToken);
        if (!response.IsSuccess && response.ReadError() is var message && GitHubMergeException.Classify(response.StatusCode, message?.Message) is { } error)
        {
            throw new GitHubMergeException(error, response.StatusCode, route.PathAndQuery, message?.Message, message?.DocumentationUrl);
        }

        var result = EnsureSuccess(request, response);
        return result.DryRun ? new MergeResult { Merged = true, Sha = details.Sha, Message = "dry-run" } : result.Read(Json.MergeResult);
    }
}
