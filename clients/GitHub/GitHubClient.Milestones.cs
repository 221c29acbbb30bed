namespace Prow.Clients.GitHub;

public sealed partial class GitHubClient
{
    public Task<IReadOnlyList<Milestone>> ListMilestonesAsync(string owner, string repo, CancellationToken cancellationToken) =>
        GetPagedAsync(GitHubRoute.Create("/repos/{owner}/{repo}/milestones", owner, repo), Json.ListMilestone, cancellationToken);

    public Task SetMilestoneAsync(string owner, string repo, int number, int milestoneNumber, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Patch, GitHubRoute.Create(IssueTemplate, owner, repo, number), new MilestonePatchBody(milestoneNumber), Json.MilestonePatchBody, cancellationToken);

    public Task ClearMilestoneAsync(string owner, string repo, int number, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Patch, GitHubRoute.Create(IssueTemplate, owner, repo, number), new MilestonePatchBody(null), Json.MilestonePatchBody, cancellationToken);

    public Task<IReadOnlyList<User>> ListTeamMembersByIdAsync(long teamId, CancellationToken cancellationToken) =>
        GetPagedAsync(GitHubRoute.Create("/teams/{team_id}/members", teamId).WithQuery(("role", "all")), Json.ListUser, cancellationToken);
}
