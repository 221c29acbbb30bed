namespace Prow.Silo.Tests;

/// <summary>The assign plugin end to end: /assign and /cc for anyone, with GitHub deciding who can be assigned or asked.</summary>
public sealed class AssignPluginTests(AssignPluginTests.Fixture fixture) : IClassFixture<AssignPluginTests.Fixture>
{
    public sealed class Fixture() : OwnersHostFixture("assign");

    private const string Repo = PluginTestHost.Repo;
    private readonly PluginTestHost _host = fixture.Host;

    [Fact]
    public async Task Assign_WithoutNamesAssignsTheCommenter_WithNamesAssignsThem_UnassignRemoves()
    {
        _host.FakeRepo.AddIssue(80, "a bug", "alice");

        await _host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 80, "/assign", OwnersScenario.Collaborator));
        Assert.Equal([OwnersScenario.Collaborator], _host.GitHub.AssigneesOn(Repo, 80));

        await _host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 80, "/assign @maintainer alice", "anyone"));
        Assert.Equal([OwnersScenario.Collaborator, "maintainer", "alice"], _host.GitHub.AssigneesOn(Repo, 80));

        await _host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 80, "thanks!\n/unassign", OwnersScenario.Collaborator));
        await _host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 80, "/unassign @alice", "maintainer"));
        Assert.Equal(["maintainer"], _host.GitHub.AssigneesOn(Repo, 80));
        Assert.Empty(_host.GitHub.CommentsOn(Repo, 80));
    }

    [Fact]
    public async Task Assign_SomeoneGitHubWillNotAssign_IsExplained()
    {
        _host.FakeRepo.AddIssue(81, "a bug", "alice");

        await _host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 81, "/assign @stranger @maintainer", "alice"));

        Assert.Equal(["maintainer"], _host.GitHub.AssigneesOn(Repo, 81));
        var reply = Assert.Single(_host.GitHub.CommentsOn(Repo, 81)).Body;
        Assert.StartsWith("@alice: GitHub didn't allow me to assign the following users: stranger.\n\n", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cc_RequestsReviews_UnccWithdraws_AndRefusedReviewersAreExplained()
    {
        OwnersScenario.PullRequest(_host, 82, "alice", "sha82", "pkg/a.go");

        await OwnersScenario.CommentAsync(_host, 82, "anyone", "/cc @bob rev-one");
        Assert.Equal([OwnersScenario.Collaborator, "rev-one"], _host.GitHub.RequestedReviewersOn(Repo, 82));

        await OwnersScenario.CommentAsync(_host, 82, "anyone", "/uncc @bob");
        Assert.Equal(["rev-one"], _host.GitHub.RequestedReviewersOn(Repo, 82));

        await OwnersScenario.CommentAsync(_host, 82, "rev-two", "/cc @stranger @alice\n/cc");
        Assert.Equal(["rev-one", "rev-two"], _host.GitHub.RequestedReviewersOn(Repo, 82));
        var reply = Assert.Single(OwnersScenario.BotComments(_host, 82)).Body;
        Assert.StartsWith("@rev-two: GitHub didn't allow me to request PR reviews from the following users: stranger, alice.\n\n", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cc_OnAnIssue_DoesNothing()
    {
        _host.FakeRepo.AddIssue(83, "a bug", "alice");

        await _host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 83, "/cc @bob", "alice"));

        Assert.DoesNotContain(_host.GitHub.Calls, c => c.Path.StartsWith("/repos/org/repo/pulls/83", StringComparison.Ordinal) || c.Path.StartsWith("/repos/org/repo/issues/83", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cc_ATeamOfTheOrg_RequestsItsReview_UnccWithdraws_AnotherOrgsTeamIsRefused()
    {
        _host.GitHub.State.Org("org").Teams["reviewers"] = ["rev-one"];
        OwnersScenario.PullRequest(_host, 84, "alice", "sha84", "pkg/a.go");

        await OwnersScenario.CommentAsync(_host, 84, "anyone", "/cc @org/reviewers rev-two");
        Assert.Equal(["reviewers"], _host.GitHub.Issue(Repo, 84).RequestedTeams);
        Assert.Equal(["rev-two"], _host.GitHub.RequestedReviewersOn(Repo, 84));

        await OwnersScenario.CommentAsync(_host, 84, "anyone", "/uncc @org/reviewers");
        Assert.Empty(_host.GitHub.Issue(Repo, 84).RequestedTeams);
        Assert.Equal(["rev-two"], _host.GitHub.RequestedReviewersOn(Repo, 84));

        await OwnersScenario.CommentAsync(_host, 84, "anyone", "/cc @other-org/reviewers org/no-such-team");
        Assert.Empty(_host.GitHub.Issue(Repo, 84).RequestedTeams);
        var reply = Assert.Single(OwnersScenario.BotComments(_host, 84)).Body;
        Assert.StartsWith("@anyone: GitHub didn't allow me to request PR reviews from the following users: other-org/reviewers, org/no-such-team.\n\n", reply, StringComparison.Ordinal);
    }
}
