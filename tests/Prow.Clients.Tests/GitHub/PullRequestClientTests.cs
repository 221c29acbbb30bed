using Prow.Clients.GitHub;
using Prow.FakeGitHub;

namespace Prow.Clients.Tests.GitHub;

public sealed class PullRequestClientTests
{
    private static readonly CancellationToken _none = CancellationToken.None;

    [Fact]
    public async Task GetPullRequest_Seeded_MapsHeadBaseAndFlags()
    {
        await using var h = await GitHubHarness.StartAsync();
        var pr = h.FakeRepo.AddPullRequest(12, "Add feature", "alice", "abc123", baseRef: "main", headRef: "feature");
        pr.Draft = true;
        pr.Mergeable = null;
        pr.Labels.Add("lgtm");

        var got = await h.Client.GetPullRequestAsync("org", "repo", 12, _none);

        Assert.Equal((12, "Add feature", "alice"), (got.Number, got.Title, got.User.Login));
        Assert.Equal(("feature", "abc123"), (got.Head.Ref, got.Head.Sha));
        Assert.Equal(("main", "base0001"), (got.Base.Ref, got.Base.Sha));
        Assert.True(got.Draft);
        Assert.Null(got.Mergeable);
        Assert.Equal(["lgtm"], got.Labels.Select(l => l.Name));
    }

    [Fact]
    public async Task ListPullRequestFiles_MoreThanOnePage_ReturnsAllInOrder()
    {
        await using var h = await GitHubHarness.StartAsync(o => o.PerPage = 2);
        var pr = h.FakeRepo.AddPullRequest(1, "t", "alice", "s1");
        pr.Files.AddRange([new FakeChangedFile("a.go", 3, 1), new FakeChangedFile("b.go", Status: "added"), new FakeChangedFile("c.md", 0, 5, "removed"), new FakeChangedFile("d/e.go", 1, 1, "renamed", "d/old.go"), new FakeChangedFile("f")]);

        var files = await h.Client.ListPullRequestFilesAsync("org", "repo", 1, _none);

        Assert.Equal(["a.go", "b.go", "c.md", "d/e.go", "f"], files.Select(f => f.Filename));
        Assert.Equal((0, 5, "removed"), (files[2].Additions, files[2].Deletions, files[2].Status));
        Assert.Equal("d/old.go", files[3].PreviousFilename);
        Assert.Equal(3, h.Server.CallsTo("GET", "/repos/org/repo/pulls/1/files").Count);
    }

    [Fact]
    public async Task ListReviews_Seeded_ReturnsStates()
    {
        await using var h = await GitHubHarness.StartAsync();
        var pr = h.FakeRepo.AddPullRequest(2, "t", "alice", "s2");
        pr.Reviews.Add(new FakeReview(1, "bob", "APPROVED", "ok", "s2"));
        pr.Reviews.Add(new FakeReview(2, "carol", "CHANGES_REQUESTED", "no", "s2"));

        var reviews = await h.Client.ListReviewsAsync("org", "repo", 2, _none);

        Assert.Equal([("bob", "APPROVED"), ("carol", "CHANGES_REQUESTED")], reviews.Select(r => (r.User.Login, r.State)));
    }

    [Fact]
    public async Task ListReviewComments_ReturnsLineCommentsWithAuthorAndTime()
    {
        await using var h = await GitHubHarness.StartAsync();
        var at = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        h.FakeRepo.AddPullRequest(6, "t", "alice", "s6").ReviewComments.Add(new FakeComment(41, 6, "bob", "/approve", at, at));

        var comment = Assert.Single(await h.Client.ListReviewCommentsAsync("org", "repo", 6, _none));

        Assert.Equal((41L, "bob", "/approve", at), (comment.Id, comment.User.Login, comment.Body, comment.CreatedAt));
    }

    [Fact]
    public async Task RequestAndRemoveReviewers_ChangeRequestedReviewers()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.FakeRepo.AddPullRequest(3, "t", "alice", "s3");
        h.FakeRepo.Collaborators["bob"] = "write";
        h.FakeRepo.Collaborators["carol"] = "read";

        await h.Client.RequestReviewersAsync("org", "repo", 3, ["bob", "carol"], _none);
        await h.Client.RemoveRequestedReviewersAsync("org", "repo", 3, ["bob"], _none);

        Assert.Equal(["carol"], h.Server.RequestedReviewersOn(GitHubHarness.Repo, 3));
    }

    [Fact]
    public async Task RequestReviewers_AnOrgTeamGoesAsATeamReviewer_AnotherOrgsTeamIsRefused()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.FakeRepo.AddPullRequest(4, "t", "alice", "s4");
        h.FakeRepo.Collaborators["bob"] = "write";
        h.Server.State.Org("org").Teams["reviewers"] = ["bob"];

        await h.Client.RequestReviewersAsync("org", "repo", 4, ["bob", "org/reviewers"], _none);
        var body = System.Text.Json.JsonDocument.Parse(h.Server.CallsTo("POST", "/repos/org/repo/pulls/4/requested_reviewers")[0].Body).RootElement;
        var elsewhere = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.RequestReviewersAsync("org", "repo", 4, ["other/reviewers"], _none));
        await h.Client.RemoveRequestedReviewersAsync("org", "repo", 4, ["ORG/reviewers"], _none);

        Assert.Equal(("[\"bob\"]", "[\"reviewers\"]"), (body.GetProperty("reviewers").GetRawText(), body.GetProperty("team_reviewers").GetRawText()));
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, elsewhere.StatusCode);
        Assert.Equal(["bob"], h.Server.RequestedReviewersOn(GitHubHarness.Repo, 4));
        Assert.Empty(h.Server.Issue(GitHubHarness.Repo, 4).RequestedTeams);
    }

    [Fact]
    public async Task RequestReviewers_FromANonCollaboratorOrTheAuthor_IsRefusedWith422()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.FakeRepo.AddPullRequest(5, "t", "alice", "s5");
        h.FakeRepo.Collaborators["bob"] = "write";

        var stranger = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.RequestReviewersAsync("org", "repo", 5, ["bob", "stranger"], _none));
        var author = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.RequestReviewersAsync("org", "repo", 5, ["alice"], _none));

        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, stranger.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, author.StatusCode);
        Assert.Empty(h.Server.RequestedReviewersOn(GitHubHarness.Repo, 5));
    }

    [Fact]
    public async Task CloseAndReopenPullRequest_ChangeState()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.FakeRepo.AddPullRequest(4, "t", "alice", "s4");

        await h.Client.ClosePullRequestAsync("org", "repo", 4, _none);
        var closed = (await h.Client.GetPullRequestAsync("org", "repo", 4, _none)).State;
        await h.Client.ReopenPullRequestAsync("org", "repo", 4, _none);

        Assert.Equal("closed", closed);
        Assert.Equal("open", (await h.Client.GetPullRequestAsync("org", "repo", 4, _none)).State);
        Assert.Equal(2, h.Server.CallsTo("PATCH", "/repos/org/repo/pulls/4").Count);
    }

    [Fact]
    public async Task MergePullRequest_Squash_RecordsMethodTitleAndGuard()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.FakeRepo.AddPullRequest(5, "t", "alice", "head5");

        var result = await h.Client.MergePullRequestAsync(
            "org", "repo", 5, new MergeDetails { MergeMethod = MergeMethod.Squash, CommitTitle = "Title (#5)", CommitMessage = "body", Sha = "head5" }, _none);

        var merge = Assert.Single(h.Server.MergesIn(GitHubHarness.Repo));
        Assert.True(result.Merged);
        Assert.Equal(merge.MergeSha, result.Sha);
        Assert.Equal(("squash", "Title (#5)", "body", "head5"), (merge.Method, merge.CommitTitle, merge.CommitMessage, merge.ShaGuard));
    }

    [Theory]
    [InlineData(405, "Pull Request is not mergeable", MergeError.NotMergeable)]
    [InlineData(405, "Base branch was modified. Review and try the merge again.", MergeError.BaseBranchModified)]
    [InlineData(409, "Head branch was modified. Review and try the merge again.", MergeError.HeadModified)]
    [InlineData(422, "Merge commits are not allowed on this repository.", MergeError.MergeMethodNotAllowed)]
    [InlineData(422, "You're not authorized to push to this branch.", MergeError.UnauthorizedToPush)]
    public async Task MergePullRequest_Refused_ThrowsTypedMergeError(int status, string message, MergeError expected)
    {
        await using var h = await GitHubHarness.StartAsync();
        h.FakeRepo.AddPullRequest(6, "t", "alice", "head6").MergeFailure = (status, message);

        var error = await Assert.ThrowsAsync<GitHubMergeException>(
            () => h.Client.MergePullRequestAsync("org", "repo", 6, new MergeDetails(), _none));

        Assert.Equal(expected, error.Error);
        Assert.Equal(message, error.GitHubMessage);
        Assert.Empty(h.Server.MergesIn(GitHubHarness.Repo));
    }

    [Fact]
    public async Task MergePullRequest_StaleShaGuard_ThrowsHeadModified()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.FakeRepo.AddPullRequest(8, "t", "alice", "new-head");

        var error = await Assert.ThrowsAsync<GitHubMergeException>(
            () => h.Client.MergePullRequestAsync("org", "repo", 8, new MergeDetails { Sha = "old-head" }, _none));

        Assert.Equal(MergeError.HeadModified, error.Error);
    }
}
