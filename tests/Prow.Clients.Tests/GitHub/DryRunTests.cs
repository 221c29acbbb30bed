using Prow.Clients.GitHub;

namespace Prow.Clients.Tests.GitHub;

public sealed class DryRunTests
{
    private static readonly CancellationToken _none = CancellationToken.None;

    [Fact]
    public async Task DryRun_Writes_AreNotSentButReadsAre()
    {
        await using var h = await GitHubHarness.StartAsync(o => o.DryRun = true);
        h.FakeRepo.AddPullRequest(1, "t", "alice", "s1");

        var pr = await h.Client.GetPullRequestAsync("org", "repo", 1, _none);
        var comment = await h.Client.CreateCommentAsync("org", "repo", 1, "would say this", _none);
        await h.Client.AddLabelsAsync("org", "repo", 1, ["lgtm"], _none);
        var removed = await h.Client.RemoveLabelAsync("org", "repo", 1, "lgtm", _none);
        await h.Client.CreateStatusAsync("org", "repo", "s1", new NewCommitStatus { State = StatusState.Pending, Context = "unit" }, _none);
        await h.Client.DeleteCommentAsync("org", "repo", 5, _none);
        await h.Client.UpdateBranchProtectionAsync("org", "repo", "main", new BranchProtectionRequest(), _none);
        var merge = await h.Client.MergePullRequestAsync("org", "repo", 1, new MergeDetails { Sha = "s1" }, _none);

        Assert.Equal("t", pr.Title);
        Assert.Equal("would say this", comment.Body);
        Assert.True(removed);
        Assert.True(merge.Merged);
        Assert.Empty(h.Server.Writes);
        Assert.Single(h.Server.CallsTo("GET", "/repos/org/repo/pulls/1"));
        Assert.Empty(h.Server.CommentsOn(GitHubHarness.Repo, 1));
        Assert.Empty(h.Server.LabelsOn(GitHubHarness.Repo, 1));
        Assert.Empty(h.Server.MergesIn(GitHubHarness.Repo));
    }
}
