namespace Prow.Clients.Tests.GitHub;

public sealed class OrganizationClientTests
{
    private static readonly CancellationToken _none = CancellationToken.None;

    [Fact]
    public async Task IsMember_MemberAndStranger()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.Server.State.Org("org").Members.Add("alice");

        Assert.True(await h.Client.IsMemberAsync("org", "alice", _none));
        Assert.False(await h.Client.IsMemberAsync("org", "mallory", _none));
    }

    [Fact]
    public async Task ListOrgMembers_OverSeveralPages_ReturnsEveryone()
    {
        await using var h = await GitHubHarness.StartAsync(o => o.PerPage = 3);
        var members = Enumerable.Range(0, 8).Select(i => "user" + i).ToList();
        h.Server.State.Org("org").Members.UnionWith(members);

        var listed = await h.Client.ListOrgMembersAsync("org", _none);

        Assert.Equal(members, listed.Select(u => u.Login));
        Assert.All(h.Server.CallsTo("GET", "/orgs/org/members"), c => Assert.Contains("role=all", c.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListTeamMembersBySlug_ReturnsTeam()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.Server.State.Org("org").Teams["release-managers"] = ["alice", "bob"];

        var team = await h.Client.ListTeamMembersBySlugAsync("org", "release-managers", _none);

        Assert.Equal(["alice", "bob"], team.Select(u => u.Login));
    }

    [Fact]
    public async Task GetAuthenticatedUser_WithToken_ReturnsBotLogin()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.Server.State.BotLogin = "k8s-ci-robot";

        var user = await h.Client.GetAuthenticatedUserAsync(_none);

        Assert.Equal("k8s-ci-robot", user.Login);
    }
}
