namespace Prow.Silo.Tests;

public sealed class HoldPluginTests
{
    private const string Repo = PluginTestHost.Repo;

    [Fact]
    public async Task Hold_ByAnyone_AddsTheHoldLabel_CancelAndUnholdRemoveIt()
    {
        await using var host = await PluginTestHost.StartAsync("", "hold");
        host.FakeRepo.AddPullRequest(1, "change", "alice", "sha1");

        await host.SendAsync("issue_comment", Webhooks.PullRequestComment(Repo, 1, "/hold", "stranger"), pullRequest: 1);
        Assert.Equal(["do-not-merge/hold"], host.GitHub.LabelsOn(Repo, 1));

        await host.SendAsync("issue_comment", Webhooks.PullRequestComment(Repo, 1, "/hold cancel", "stranger"), pullRequest: 1);
        Assert.Empty(host.GitHub.LabelsOn(Repo, 1));

        await host.SendAsync("issue_comment", Webhooks.PullRequestComment(Repo, 1, "Wait for the release.\n/hold", "bob"), pullRequest: 1);
        await host.SendAsync("issue_comment", Webhooks.PullRequestComment(Repo, 1, "/unhold", "bob"), pullRequest: 1);
        Assert.Empty(host.GitHub.LabelsOn(Repo, 1));
        Assert.Equal(2, host.GitHub.CallsTo("POST", "/repos/org/repo/issues/1/labels").Count);
        Assert.Empty(host.GitHub.CommentsOn(Repo, 1));
    }

    [Fact]
    public async Task Hold_OnAnIssueOrQuoted_DoesNothing()
    {
        await using var host = await PluginTestHost.StartAsync("", "hold");
        host.FakeRepo.AddIssue(2, "bug", "alice");
        host.FakeRepo.AddPullRequest(3, "change", "alice", "sha3");

        await host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 2, "/hold", "bob"));
        await host.SendAsync("issue_comment", Webhooks.PullRequestComment(Repo, 3, "> /hold\nno need", "bob"), pullRequest: 3);

        Assert.Empty(host.GitHub.Writes);
    }
}
