namespace Prow.Clients.GitHub;

public sealed partial class GitHubClient
{
    public Task<bool> IsMemberAsync(string org, string login, CancellationToken cancellationToken) =>
        CheckAsync(GitHubRoute.Create("/orgs/{org}/members/{username}", org, login), cancellationToken);

    public Task<IReadOnlyList<User>> ListOrgMembersAsync(string org, CancellationToken cancellationToken) =>
        GetPagedAsync(GitHubRoute.Create("/orgs/{org}/members", org).WithQuery(("role", "all")), Json.ListUser, cancellationToken);

    public Task<IReadOnlyList<User>> ListTeamMembersBySlugAsync(string org, string teamSlug, CancellationToken cancellationToken) =>
        GetPagedAsync(GitHubRoute.Create("/orgs/{org}/teams/{team_slug}/members", org, teamSlug), Json.ListUser, cancellationToken);

    public async Task<User> GetAuthenticatedUserAsync(CancellationToken cancellationToken)
    {
        if (_app is null)
        {
            return await GetAsync(GitHubRoute.Create("/user"), Json.User, cancellationToken);
        }

        // An installation token has no /user; the App's bot is what comments appear under.
        var app = await _app.GetAppAsync(cancellationToken);
        return new User { Login = app.Slug + "[bot]", Type = "Bot", Name = app.Name };
    }
}
