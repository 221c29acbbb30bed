namespace Prow.Silo.Tests;

public sealed class LifecyclePluginTests : IAsyncLifetime
{
    private const string Repo = PluginTestHost.Repo;

    private PluginTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await PluginTestHost.StartAsync("", "lifecycle");
        _host.FakeRepo.Collaborators["carol"] = "write";
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Lifecycle_ByAnyone_KeepsOneLifecycleLabel_AndRemoveTakesItOff()
    {
        _host.FakeRepo.AddIssue(1, "old bug", "alice");

        await _host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 1, "/lifecycle stale", "stranger"));
        Assert.Equal(["lifecycle/stale"], _host.GitHub.LabelsOn(Repo, 1));

        await _host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 1, "/lifecycle rotten", "stranger"));
        Assert.Equal(["lifecycle/rotten"], _host.GitHub.LabelsOn(Repo, 1));

        await _host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 1, "/remove-lifecycle rotten", "stranger"));
        Assert.Empty(_host.GitHub.LabelsOn(Repo, 1));

        await _host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 1, "/lifecycle frozen", "stranger"));
        Assert.Equal(["lifecycle/frozen"], _host.GitHub.LabelsOn(Repo, 1));
        Assert.Empty(_host.GitHub.CommentsOn(Repo, 1));
    }

    [Fact]
    public async Task LifecycleFrozen_OnAPullRequest_IsRefused()
    {
        _host.FakeRepo.AddPullRequest(2, "change", "alice", "sha2");

        await _host.SendAsync("issue_comment", Webhooks.PullRequestComment(Repo, 2, "/lifecycle frozen", "alice"), pullRequest: 2);

        Assert.Empty(_host.GitHub.LabelsOn(Repo, 2));
        Assert.StartsWith("@alice: The `lifecycle/frozen` label cannot be put on pull requests.", Assert.Single(_host.GitHub.CommentsOn(Repo, 2)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_ByAStranger_IsRefused_ByTheAuthorClosesTheIssue()
    {
        _host.FakeRepo.AddIssue(3, "bug", "alice");

        await _host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 3, "/close", "mallory"));
        Assert.Equal("open", _host.GitHub.Issue(Repo, 3).State);
        Assert.StartsWith("@mallory: You cannot close an active issue or pull request unless you are its author or a collaborator on the repository.",
            Assert.Single(_host.GitHub.CommentsOn(Repo, 3)).Body, StringComparison.Ordinal);

        await _host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 3, "/close", "alice"));
        Assert.Equal("closed", _host.GitHub.Issue(Repo, 3).State);
        Assert.StartsWith("@alice: Closing this issue.", _host.GitHub.CommentsOn(Repo, 3)[^1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_ByACollaborator_ClosesAPullRequest_NotPlannedIsForIssuesOnly()
    {
        _host.FakeRepo.AddPullRequest(4, "change", "alice", "sha4");
        _host.FakeRepo.AddIssue(5, "idea", "alice");

        await _host.SendAsync("issue_comment", Webhooks.PullRequestComment(Repo, 4, "/close not-planned", "carol"), pullRequest: 4);
        Assert.Equal("open", _host.GitHub.Issue(Repo, 4).State);
        Assert.StartsWith("@carol: Pull requests cannot be closed as not planned.", _host.GitHub.CommentsOn(Repo, 4)[^1].Body, StringComparison.Ordinal);

        await _host.SendAsync("issue_comment", Webhooks.PullRequestComment(Repo, 4, "/close", "carol"), pullRequest: 4);
        Assert.Equal("closed", _host.GitHub.Issue(Repo, 4).State);
        Assert.StartsWith("@carol: Closed this PR.", _host.GitHub.CommentsOn(Repo, 4)[^1].Body, StringComparison.Ordinal);

        await _host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 5, "/close not-planned", "carol"));
        Assert.Equal(("closed", "not_planned"), (_host.GitHub.Issue(Repo, 5).State, _host.GitHub.Issue(Repo, 5).StateReason));
    }

    [Fact]
    public async Task Close_AStaleIssue_IsAllowedForAnyone()
    {
        _host.FakeRepo.AddIssue(6, "forgotten", "alice").Labels.Add("lifecycle/stale");

        await _host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 6, "/close", "mallory"));

        Assert.Equal("closed", _host.GitHub.Issue(Repo, 6).State);
    }

    [Fact]
    public async Task Reopen_ByAStranger_IsRefused_ByACollaboratorReopens()
    {
        _host.FakeRepo.AddIssue(7, "bug", "alice").State = "closed";

        await _host.SendAsync("issue_comment", WebhookEdits.OnClosed(Webhooks.IssueComment(Repo, 7, "/reopen", "mallory")));
        Assert.Equal("closed", _host.GitHub.Issue(Repo, 7).State);
        Assert.StartsWith("@mallory: You cannot reopen an issue or pull request unless you are its author or a collaborator on the repository.",
            Assert.Single(_host.GitHub.CommentsOn(Repo, 7)).Body, StringComparison.Ordinal);

        await _host.SendAsync("issue_comment", WebhookEdits.OnClosed(Webhooks.IssueComment(Repo, 7, "/reopen", "carol")));
        Assert.Equal("open", _host.GitHub.Issue(Repo, 7).State);
        Assert.StartsWith("@carol: Reopened this issue.", _host.GitHub.CommentsOn(Repo, 7)[^1].Body, StringComparison.Ordinal);
    }
}
