using Prow.Clients.GitHub;
using Prow.FakeGitHub;

namespace Prow.Clients.Tests.GitHub;

public sealed class IssueClientTests
{
    private static readonly CancellationToken _none = CancellationToken.None;

    [Fact]
    public async Task CreateComment_OnPullRequest_StoresItAuthoredByTheBot()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.FakeRepo.AddPullRequest(12, "Fix it", "alice", "head12");

        var created = await h.Client.CreateCommentAsync("org", "repo", 12, "/lgtm", _none);

        var stored = Assert.Single(h.Server.CommentsOn(GitHubHarness.Repo, 12));
        Assert.Equal(stored.Id, created.Id);
        Assert.Equal("/lgtm", created.Body);
        Assert.Equal("prow-bot", created.User.Login);
        Assert.Single(h.Server.CallsTo("POST", "/repos/org/repo/issues/12/comments"));
    }

    [Fact]
    public async Task ListIssueComments_AfterEditAndDelete_ReflectsBoth()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.FakeRepo.AddIssue(3, "Bug", "bob");
        var keep = await h.Client.CreateCommentAsync("org", "repo", 3, "first", _none);
        var drop = await h.Client.CreateCommentAsync("org", "repo", 3, "second", _none);

        var edited = await h.Client.EditCommentAsync("org", "repo", keep.Id, "first, edited", _none);
        await h.Client.DeleteCommentAsync("org", "repo", drop.Id, _none);
        var comments = await h.Client.ListIssueCommentsAsync("org", "repo", 3, _none);

        Assert.Equal("first, edited", edited.Body);
        var only = Assert.Single(comments);
        Assert.Equal((keep.Id, "first, edited"), (only.Id, only.Body));
    }

    [Fact]
    public async Task DeleteComment_Unknown_ThrowsWithGitHubMessage()
    {
        await using var h = await GitHubHarness.StartAsync();

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.DeleteCommentAsync("org", "repo", 999, _none));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("Not Found", error.GitHubMessage);
        Assert.Equal("DELETE", error.Method);
    }

    [Fact]
    public async Task AddAndRemoveLabels_WithSlashInName_RoundTrip()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.FakeRepo.AddPullRequest(7, "t", "alice", "sha7");

        await h.Client.AddLabelsAsync("org", "repo", 7, ["lgtm", "do-not-merge/hold"], _none);
        var removed = await h.Client.RemoveLabelAsync("org", "repo", 7, "do-not-merge/hold", _none);
        var missing = await h.Client.RemoveLabelAsync("org", "repo", 7, "approved", _none);
        var listed = await h.Client.ListIssueLabelsAsync("org", "repo", 7, _none);

        Assert.True(removed);
        Assert.False(missing);
        Assert.Equal(["lgtm"], h.Server.LabelsOn(GitHubHarness.Repo, 7));
        Assert.Equal(["lgtm"], listed.Select(l => l.Name));
    }

    [Fact]
    public async Task AssignAndUnassign_ChangeAssignees()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.FakeRepo.AddIssue(4, "t", "bob");
        h.FakeRepo.Collaborators["alice"] = "write";
        h.FakeRepo.Collaborators["carol"] = "read";

        var declined = await h.Client.AssignIssueAsync("org", "repo", 4, ["alice", "carol"], _none);
        await h.Client.UnassignIssueAsync("org", "repo", 4, ["alice"], _none);

        Assert.Empty(declined);
        Assert.Equal(["carol"], h.Server.AssigneesOn(GitHubHarness.Repo, 4));
        var issue = await h.Client.GetIssueAsync("org", "repo", 4, _none);
        Assert.Equal(["carol"], issue.Assignees.Select(a => a.Login));
        Assert.False(issue.IsPullRequest);
    }

    [Fact]
    public async Task Assign_SomeoneGitHubWillNotAssign_IsReturnedAsDeclined()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.FakeRepo.AddIssue(6, "t", "bob");
        h.FakeRepo.Collaborators["alice"] = "write";

        var declined = await h.Client.AssignIssueAsync("org", "repo", 6, ["alice", "stranger", "bob"], _none);

        Assert.Equal(["stranger"], declined);
        Assert.Equal(["alice", "bob"], h.Server.AssigneesOn(GitHubHarness.Repo, 6));
    }

    [Fact]
    public async Task ListIssueEvents_SaysWhoAddedAndRemovedLabels()
    {
        await using var h = await GitHubHarness.StartAsync();
        var issue = h.FakeRepo.AddIssue(8, "t", "bob");
        issue.Labels.Add("approved");
        issue.Events.Add(new FakeIssueEvent(1, "labeled", "maintainer", "approved", DateTimeOffset.UnixEpoch));

        await h.Client.AddLabelsAsync("org", "repo", 8, ["lgtm"], _none);
        await h.Client.RemoveLabelAsync("org", "repo", 8, "approved", _none);
        var events = await h.Client.ListIssueEventsAsync("org", "repo", 8, _none);

        Assert.Equal([("labeled", "maintainer", "approved"), ("labeled", "prow-bot", "lgtm"), ("unlabeled", "prow-bot", "approved")],
            events.Select(e => (e.Event, e.Actor.Login, e.Label?.Name)));
    }

    [Fact]
    public async Task CloseReopenAndRetitle_PatchTheIssue()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.FakeRepo.AddIssue(5, "old", "bob");

        await h.Client.CloseIssueAsync("org", "repo", 5, _none);
        var closed = h.Server.Issue(GitHubHarness.Repo, 5).State;
        await h.Client.ReopenIssueAsync("org", "repo", 5, _none);
        await h.Client.EditIssueTitleAsync("org", "repo", 5, "new title", _none);

        var issue = await h.Client.GetIssueAsync("org", "repo", 5, _none);
        Assert.Equal("closed", closed);
        Assert.Equal(("open", "new title"), (issue.State, issue.Title));
    }

    [Fact]
    public async Task CloseIssueAsNotPlanned_SendsTheStateReason()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.FakeRepo.AddIssue(6, "won't do", "bob");

        await h.Client.CloseIssueAsNotPlannedAsync("org", "repo", 6, _none);

        var issue = h.Server.Issue(GitHubHarness.Repo, 6);
        Assert.Equal(("closed", "not_planned"), (issue.State, issue.StateReason));
    }
}
