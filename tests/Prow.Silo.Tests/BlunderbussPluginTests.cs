namespace Prow.Silo.Tests;

/// <summary>Blunderbuss end to end: two OWNERS reviewers asked on open, never the author or an approver, drafts wait.</summary>
public sealed class BlunderbussPluginTests(BlunderbussPluginTests.Fixture fixture) : IClassFixture<BlunderbussPluginTests.Fixture>
{
    public sealed class Fixture() : OwnersHostFixture("blunderbuss", "blunderbuss:\n  request_count: 2\n  exclude_approvers: true\n  ignore_drafts: true\n  ignore_authors: [robot]\n");

    private const string Repo = PluginTestHost.Repo;
    private readonly PluginTestHost _host = fixture.Host;

    [Fact]
    public async Task Opened_RequestsReviewersFromTheOwnersOfTheChangedFiles_NotTheAuthorNorApprovers()
    {
        OwnersScenario.PullRequest(_host, 90, "rev-one", "sha90", "pkg/a.go", "docs/guide.md");

        await OwnersScenario.OpenedAsync(_host, 90, "rev-one", "sha90");

        // One from each area (pkg's rev-two: rev-one wrote it and pkg-approver approves it; docs' doc-reviewer).
        Assert.Equal(["doc-reviewer", "rev-two"], _host.GitHub.RequestedReviewersOn(Repo, 90).Order(StringComparer.Ordinal));
        Assert.Single(_host.GitHub.CallsTo("POST", "/repos/org/repo/pulls/90/requested_reviewers"));
        Assert.Empty(_host.GitHub.CommentsOn(Repo, 90));
    }

    [Fact]
    public async Task TooFewClosestReviewers_AreToppedUpFromParentOwners()
    {
        OwnersScenario.PullRequest(_host, 91, "alice", "sha91", "docs/guide.md");

        await OwnersScenario.OpenedAsync(_host, 91, "alice", "sha91");

        Assert.Equal(["doc-reviewer", "root-reviewer"], _host.GitHub.RequestedReviewersOn(Repo, 91).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ADraft_WaitsUntilReadyForReview_IgnoredAuthorsAreLeftAlone()
    {
        OwnersScenario.PullRequest(_host, 92, "alice", "sha92", "docs/guide.md");
        OwnersScenario.PullRequest(_host, 93, "robot", "sha93", "docs/guide.md");

        await OwnersScenario.OpenedAsync(_host, 92, "alice", "sha92", draft: true);
        await OwnersScenario.OpenedAsync(_host, 93, "robot", "sha93");
        Assert.Empty(_host.GitHub.RequestedReviewersOn(Repo, 92));
        Assert.Empty(_host.GitHub.RequestedReviewersOn(Repo, 93));

        await OwnersScenario.OpenedAsync(_host, 92, "alice", "sha92", action: "ready_for_review");
        Assert.Equal(2, _host.GitHub.RequestedReviewersOn(Repo, 92).Count);
    }

    [Fact]
    public async Task AutoCc_AsksAgain()
    {
        OwnersScenario.PullRequest(_host, 94, "alice", "sha94", "main.go");

        await OwnersScenario.CommentAsync(_host, 94, "anyone", "/auto-cc");

        Assert.Equal(["root-reviewer"], _host.GitHub.RequestedReviewersOn(Repo, 94));
    }

    [Theory]
    [InlineData("/cc @rev-one")]
    [InlineData("Fixes a bug.\n/cc @org/reviewers")]
    public async Task ADescriptionThatAlreadyCcsPeopleOrATeam_IsLeftToThem(string description)
    {
        var number = 95 + description.Length % 2;
        OwnersScenario.PullRequest(_host, number, "alice", $"sha{number}", "docs/guide.md");
        var opened = System.Text.Json.Nodes.JsonNode.Parse(Webhooks.PullRequest("opened", Repo, number, "alice", $"sha{number}"))!;
        opened["pull_request"]!["body"] = description;

        await _host.SendAsync("pull_request", opened.ToJsonString(), pullRequest: number);

        Assert.Empty(_host.GitHub.CallsTo("POST", $"/repos/org/repo/pulls/{number}/requested_reviewers"));
    }
}
