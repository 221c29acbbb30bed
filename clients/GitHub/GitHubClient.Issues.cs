namespace Prow.Clients.GitHub;

public sealed partial class GitHubClient
{
    internal const string IssueTemplate = "/repos/{owner}/{repo}/issues/{number}";

    public Task<Issue> GetIssueAsync(string owner, string repo, int number, CancellationToken cancellationToken) =>
        GetAsync(GitHubRoute.Create(IssueTemplate, owner, repo, number), Json.Issue, cancellationToken);

    public Task<IReadOnlyList<IssueComment>> ListIssueCommentsAsync(string owner, string repo, int number, CancellationToken cancellationToken) =>
        GetPagedAsync(GitHubRoute.Create(IssueTemplate + "/comments", owner, repo, number), Json.ListIssueComment, cancellationToken);

    public async Task<IssueComment> CreateCommentAsync(string owner, string repo, int number, string body, CancellationToken cancellationToken)
    {
        var route = GitHubRoute.Create(IssueTemplate + "/comments", owner, repo, number);
        var response = await WriteAsync(HttpMethod.Post, route, new CommentBody(body), Json.CommentBody, cancellationToken);
        return response.Read(Json.IssueComment);
    }

    public async Task<IssueComment> EditCommentAsync(string owner, string repo, long commentId, string body, CancellationToken cancellationToken)
    {
        var route = GitHubRoute.Create("/repos/{owner}/{repo}/issues/comments/{comment_id}", owner, repo, commentId);
        var response = await WriteAsync(HttpMethod.Patch, route, new CommentBody(body), Json.CommentBody, cancellationToken);
        return response.Read(Json.IssueComment) with { Id = commentId };
    }

    public Task DeleteCommentAsync(string owner, string repo, long commentId, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Delete, GitHubRoute.Create("/repos/{owner}/{repo}/issues/comments/{comment_id}", owner, repo, commentId), cancellationToken);

    public Task<IReadOnlyList<IssueEvent>> ListIssueEventsAsync(string owner, string repo, int number, CancellationToken cancellationToken) =>
        GetPagedAsync(GitHubRoute.Create(IssueTemplate + "/events", owner, repo, number), Json.ListIssueEvent, cancellationToken);

    public Task<IReadOnlyList<Label>> ListIssueLabelsAsync(string owner, string repo, int number, CancellationToken cancellationToken) =>
        GetPagedAsync(GitHubRoute.Create(IssueTemplate + "/labels", owner, repo, number), Json.ListLabel, cancellationToken);

    public Task AddLabelsAsync(string owner, string repo, int number, IReadOnlyList<string> labels, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Post, GitHubRoute.Create(IssueTemplate + "/labels", owner, repo, number), new LabelsBody(labels), Json.LabelsBody, cancellationToken);

    public async Task<bool> RemoveLabelAsync(string owner, string repo, int number, string label, CancellationToken cancellationToken)
    {
        var route = GitHubRoute.Create(IssueTemplate + "/labels/{name}", owner, repo, number, label);
        return await SendOrNotFoundAsync(new GitHubRequest(HttpMethod.Delete, route), cancellationToken) is not null;
    }

    public async Task<IReadOnlyList<string>> AssignIssueAsync(string owner, string repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logins);
        var response = await WriteAsync(HttpMethod.Post, GitHubRoute.Create(IssueTemplate + "/assignees", owner, repo, number), new AssigneesBody(logins), Json.AssigneesBody, cancellationToken);
        if (response.DryRun)
        {
            return [];
        }

        var assigned = response.Read(Json.Issue).Assignees.Select(a => a.Login).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. logins.Where(l => !assigned.Contains(l))];
    }

    public Task UnassignIssueAsync(string owner, string repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Delete, GitHubRoute.Create(IssueTemplate + "/assignees", owner, repo, number), new AssigneesBody(logins), Json.AssigneesBody, cancellationToken);

    public Task CloseIssueAsync(string owner, string repo, int number, CancellationToken cancellationToken) =>
        PatchIssueAsync(owner, repo, number, new IssuePatchBody(State: "closed"), cancellationToken);

    public Task CloseIssueAsNotPlannedAsync(string owner, string repo, int number, CancellationToken cancellationToken) =>
        PatchIssueAsync(owner, repo, number, new IssuePatchBody(State: "closed", StateReason: "not_planned"), cancellationToken);

    public Task ReopenIssueAsync(string owner, string repo, int number, CancellationToken cancellationToken) =>
        PatchIssueAsync(owner, repo, number, new IssuePatchBody(State: "open"), cancellationToken);

    public Task EditIssueTitleAsync(string owner, string repo, int number, string title, CancellationToken cancellationToken) =>
        PatchIssueAsync(owner, repo, number, new IssuePatchBody(Title: title), cancellationToken);

    public Task EditIssueBodyAsync(string owner, string repo, int number, string body, CancellationToken cancellationToken) =>
        PatchIssueAsync(owner, repo, number, new IssuePatchBody(Body: body), cancellationToken);

    public Task CreateIssueReactionAsync(string owner, string repo, int number, string content, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Post, GitHubRoute.Create(IssueTemplate + "/reactions", owner, repo, number), new ReactionBody(content), Json.ReactionBody, cancellationToken);

    public Task CreateCommentReactionAsync(string owner, string repo, long commentId, string content, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Post, GitHubRoute.Create("/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", owner, repo, commentId), new ReactionBody(content), Json.ReactionBody, cancellationToken);

    private Task<GitHubResponse> PatchIssueAsync(string owner, string repo, int number, IssuePatchBody body, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Patch, GitHubRoute.Create(IssueTemplate, owner, repo, number), body, Json.IssuePatchBody, cancellationToken);

    private static GitHubJsonContext Json => GitHubJsonContext.Default;
}
