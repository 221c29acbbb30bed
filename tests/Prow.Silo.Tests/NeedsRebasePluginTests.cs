namespace Prow.Silo.Tests;

public sealed class NeedsRebasePluginTests
{
    private const string Repo = PluginTestHost.Repo;

    [Fact]
    public async Task Conflict_AddsTheLabelAndComment_ResolvedConflictRemovesBoth()
    {
        await using var host = await PluginTestHost.StartAsync("", "needs-rebase");
        var pr = host.FakeRepo.AddPullRequest(1, "change", "alice", "sha1");
        pr.Mergeable = false;
        host.FakeRepo.Comments.Add(new Prow.FakeGitHub.FakeComment(1, 1, "alice", "please look", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));

        await host.SendAsync("pull_request", Webhooks.PullRequest("opened", Repo, 1, "alice", "sha1"), pullRequest: 1);

        Assert.Equal(["needs-rebase"], host.GitHub.LabelsOn(Repo, 1));
        var comment = host.GitHub.CommentsOn(Repo, 1)[^1];
        Assert.Equal("prow-bot", comment.Author);
        Assert.StartsWith("@alice: PR needs rebase.", comment.Body, StringComparison.Ordinal);

        // Another event while still conflicted changes nothing.
        await host.SendAsync("pull_request", Webhooks.PullRequest("edited", Repo, 1, "alice", "sha1"), pullRequest: 1);
        Assert.Single(host.GitHub.CallsTo("POST", "/repos/org/repo/issues/1/labels"));
        Assert.Equal(2, host.GitHub.CommentsOn(Repo, 1).Count);

        pr.Mergeable = true;
        await host.SendAsync("pull_request", Webhooks.PullRequest("synchronize", Repo, 1, "alice", "sha2"), pullRequest: 1);

        Assert.Empty(host.GitHub.LabelsOn(Repo, 1));
        Assert.Equal(["please look"], host.GitHub.CommentsOn(Repo, 1).Select(c => c.Body));
    }

    [Fact]
    public async Task MergeabilityStillComputing_IsAskedAgain_ThenTheConflictIsLabelled()
    {
        await using var host = await PluginTestHost.StartAsync("", "needs-rebase");
        var pr = host.FakeRepo.AddPullRequest(7, "change", "alice", "sha7");
        pr.Mergeable = false;
        pr.MergeabilityPendingReads = 1;

        await host.SendAsync("pull_request", Webhooks.PullRequest("synchronize", Repo, 7, "alice", "sha7"), pullRequest: 7);

        Assert.Equal(2, host.GitHub.CallsTo("GET", "/repos/org/repo/pulls/7").Count);
        Assert.Equal(["needs-rebase"], host.GitHub.LabelsOn(Repo, 7));
    }

    [Fact]
    public async Task MergeablePullRequest_GetsNothing()
    {
        await using var host = await PluginTestHost.StartAsync("", "needs-rebase");
        host.FakeRepo.AddPullRequest(2, "change", "alice", "sha2");

        await host.SendAsync("pull_request", Webhooks.PullRequest("opened", Repo, 2, "alice", "sha2"), pullRequest: 2);

        Assert.Empty(host.GitHub.Writes);
        Assert.Single(host.GitHub.CallsTo("GET", "/repos/org/repo/pulls/2"));
    }

    [Fact]
    public async Task BaseBranchMoves_EveryOpenPullRequestIntoItIsRechecked()
    {
        await using var host = await PluginTestHost.StartAsync("", "needs-rebase");
        host.FakeRepo.AddPullRequest(3, "now conflicts", "alice", "sha3").Mergeable = false;
        var fixedPr = host.FakeRepo.AddPullRequest(4, "conflict gone", "bob", "sha4");
        fixedPr.Labels.Add("needs-rebase");
        host.FakeRepo.AddPullRequest(5, "other branch", "alice", "sha5", baseRef: "release").Mergeable = false;
        var closed = host.FakeRepo.AddPullRequest(6, "closed", "alice", "sha6");
        closed.Mergeable = false;
        closed.State = "closed";

        await host.SendAsync("push", Webhooks.Push(Repo, "main", "newbase"));

        Assert.Equal(["needs-rebase"], host.GitHub.LabelsOn(Repo, 3));
        Assert.StartsWith("@alice: PR needs rebase.", Assert.Single(host.GitHub.CommentsOn(Repo, 3)).Body, StringComparison.Ordinal);
        Assert.Empty(host.GitHub.LabelsOn(Repo, 4));
        Assert.Empty(host.GitHub.LabelsOn(Repo, 5));
        Assert.Empty(host.GitHub.LabelsOn(Repo, 6));
        Assert.Empty(host.GitHub.CallsTo("GET", "/repos/org/repo/pulls/5"));
    }
}
