namespace Prow.Silo.Tests;

public sealed class WipPluginTests
{
    private const string Repo = PluginTestHost.Repo;
    private const string Label = "do-not-merge/work-in-progress";

    [Fact]
    public async Task WipTitle_AddsTheLabel_RetitlingRemovesIt()
    {
        await using var host = await PluginTestHost.StartAsync("", "wip");
        host.FakeRepo.AddPullRequest(1, "WIP: change", "alice", "sha1");

        await host.SendAsync("pull_request", WebhookEdits.WithTitle(Webhooks.PullRequest("opened", Repo, 1, "alice", "sha1"), "WIP: change"), pullRequest: 1);
        Assert.Equal([Label], host.GitHub.LabelsOn(Repo, 1));

        await host.SendAsync("pull_request", WebhookEdits.WithTitle(Webhooks.PullRequest("edited", Repo, 1, "alice", "sha1"), "[WIP] still going"), pullRequest: 1);
        Assert.Single(host.GitHub.CallsTo("POST", "/repos/org/repo/issues/1/labels"));

        await host.SendAsync("pull_request", WebhookEdits.WithTitle(Webhooks.PullRequest("edited", Repo, 1, "alice", "sha1"), "Change"), pullRequest: 1);
        Assert.Empty(host.GitHub.LabelsOn(Repo, 1));
    }

    [Fact]
    public async Task Draft_AddsTheLabel_ReadyForReviewRemovesIt_PlainPullRequestGetsNone()
    {
        await using var host = await PluginTestHost.StartAsync("", "wip");
        host.FakeRepo.AddPullRequest(2, "change", "alice", "sha2");
        host.FakeRepo.AddPullRequest(3, "other change", "alice", "sha3");

        await host.SendAsync("pull_request", Webhooks.PullRequest("opened", Repo, 2, "alice", "sha2", draft: true), pullRequest: 2);
        Assert.Equal([Label], host.GitHub.LabelsOn(Repo, 2));

        await host.SendAsync("pull_request", Webhooks.PullRequest("ready_for_review", Repo, 2, "alice", "sha2"), pullRequest: 2);
        Assert.Empty(host.GitHub.LabelsOn(Repo, 2));

        await host.SendAsync("pull_request", Webhooks.PullRequest("opened", Repo, 3, "alice", "sha3"), pullRequest: 3);
        Assert.Empty(host.GitHub.LabelsOn(Repo, 3));
        Assert.Empty(host.GitHub.CallsTo("POST", "/repos/org/repo/issues/3/labels"));
    }
}
