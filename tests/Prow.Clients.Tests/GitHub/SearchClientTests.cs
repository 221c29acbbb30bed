namespace Prow.Clients.Tests.GitHub;

public sealed class SearchClientTests
{
    private static readonly CancellationToken _none = CancellationToken.None;

    [Fact]
    public async Task SearchIssues_TideQuery_FiltersByLabelsAndState()
    {
        await using var h = await GitHubHarness.StartAsync();
        var ready = h.FakeRepo.AddPullRequest(1, "ready", "alice", "s1");
        ready.Labels.AddRange(["lgtm", "approved"]);
        var held = h.FakeRepo.AddPullRequest(2, "held", "alice", "s2");
        held.Labels.AddRange(["lgtm", "approved", "do-not-merge/hold"]);
        h.FakeRepo.AddPullRequest(3, "unreviewed", "alice", "s3");
        var closed = h.FakeRepo.AddPullRequest(4, "closed", "alice", "s4");
        closed.Labels.AddRange(["lgtm", "approved"]);
        closed.State = "closed";
        h.FakeRepo.AddIssue(5, "an issue", "bob").Labels.AddRange(["lgtm", "approved"]);
        h.Server.State.AddRepo("elsewhere/repo").AddPullRequest(1, "other org", "alice", "x").Labels.AddRange(["lgtm", "approved"]);

        var results = await h.Client.SearchIssuesAsync(
            "is:pr state:open org:org label:lgtm label:approved -label:\"do-not-merge/hold\"", _none);

        var only = Assert.Single(results);
        Assert.Equal((1, true), (only.Number, only.IsPullRequest));
        Assert.EndsWith("/repos/org/repo", only.RepositoryUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchIssues_MoreThanOnePage_FollowsLinks()
    {
        await using var h = await GitHubHarness.StartAsync(o => o.PerPage = 2);
        for (var i = 1; i <= 5; i++)
        {
            h.FakeRepo.AddPullRequest(i, "pr" + i, "alice", "s" + i);
        }

        var results = await h.Client.SearchIssuesAsync("repo:org/repo is:pr", _none);

        Assert.Equal([1, 2, 3, 4, 5], results.Select(r => r.Number));
        Assert.Equal(3, h.Server.CallsTo("GET", "/search/issues").Count);
    }
}
