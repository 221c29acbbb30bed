using Prow.Clients.GitHub;
using Prow.Config.Components;
using Prow.Config.Jobs;
using Prow.Services.Configuration;
using Prow.Web.Auth;

namespace Prow.Web.Tests;

public sealed class RerunAuthorizerTests
{
    private static readonly GitHubOAuthOptions s_oauth = new() { ClientId = "id", ClientSecret = "secret" };

    private static RerunAuthorizer Authorizer(RerunAuthConfig auth, GitHubOAuthOptions? oauth = null, string key = "acme/widgets")
    {
        var empty = StaticConfigSource.EmptySnapshot;
        var config = empty with { Prow = empty.Prow with { Deck = new DeckConfig { RerunAuthConfigs = new Dictionary<string, RerunAuthConfig> { [key] = auth } } } };
        return new RerunAuthorizer(new StaticConfigSource(config), new FakeOrganizations(), new DeckOptions { GitHubOAuth = oauth ?? s_oauth });
    }

    private static Task<RerunDecision> CheckAsync(RerunAuthorizer authorizer, string? login) =>
        authorizer.CheckAsync(login, JobIndexContract.Job("j", 1), CancellationToken.None);

    [Fact]
    public async Task AllowAnyone_AllowsWithoutLogin_EvenWithoutOAuth()
    {
        var authorizer = new RerunAuthorizer(
            new StaticConfigSource(StaticConfigSource.EmptySnapshot with { Prow = new ProwConfig { Deck = new DeckConfig { RerunAuthConfigs = new Dictionary<string, RerunAuthConfig> { ["*"] = new() { AllowAnyone = true } } } } }),
            new FakeOrganizations(),
            new DeckOptions());

        Assert.True((await CheckAsync(authorizer, null)).Allowed);
    }

    [Fact]
    public async Task WithoutOAuth_IsRefused_AndSaysLoginIsNotConfigured()
    {
        var authorizer = new RerunAuthorizer(new StaticConfigSource(StaticConfigSource.EmptySnapshot), new FakeOrganizations(), new DeckOptions());

        var decision = await CheckAsync(authorizer, "alice");

        Assert.False(decision.Allowed);
        Assert.Contains("no GitHub OAuth app", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false, "Log in with GitHub")]
    [InlineData("alice", true, "alice may rerun")]
    [InlineData("ALICE", true, "may rerun")]
    [InlineData("orgmember", true, "may rerun")]
    [InlineData("teammember", true, "may rerun")]
    [InlineData("mallory", false, "mallory is not allowed to rerun or abort jobs of acme/widgets")]
    public async Task Users_Orgs_AndTeams_AreChecked(string? login, bool allowed, string reason)
    {
        var authorizer = Authorizer(new RerunAuthConfig { GitHubUsers = ["alice"], GitHubOrgs = ["acme"], GitHubTeamSlugs = ["acme/release"] });

        var decision = await CheckAsync(authorizer, login);

        Assert.Equal(allowed, decision.Allowed);
        Assert.Contains(reason, decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherRepositorysConfig_DoesNotApply()
    {
        var decision = await CheckAsync(Authorizer(new RerunAuthConfig { GitHubUsers = ["alice"] }, key: "acme/gadgets"), "alice");

        Assert.False(decision.Allowed);
    }

    /// <summary>The slice of GitHub the authorizer asks: org members and team members.</summary>
    private sealed class FakeOrganizations : IOrganizationClient
    {
        public Task<bool> IsMemberAsync(string org, string login, CancellationToken cancellationToken) =>
            Task.FromResult(org == "acme" && login == "orgmember");

        public Task<IReadOnlyList<User>> ListOrgMembersAsync(string org, CancellationToken cancellationToken) =>
            throw new NotSupportedException("the authorizer asks membership one login at a time");

        public Task<IReadOnlyList<User>> ListTeamMembersBySlugAsync(string org, string teamSlug, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<User>>(org == "acme" && teamSlug == "release" ? [new User { Login = "TeamMember" }] : []);
    }
}
