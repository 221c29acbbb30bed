namespace Prow.Clients.Tests.GitHub;

public sealed class ConditionalRequestTests
{
    private static readonly CancellationToken _none = CancellationToken.None;

    [Fact]
    public async Task SecondIdenticalGet_Unchanged_Gets304AndCachedBodyWithoutRateCost()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.FakeRepo.AddPullRequest(12, "cached", "alice", "s12");

        var first = await h.Client.GetPullRequestAsync("org", "repo", 12, _none);
        var budgetAfterFirst = h.Server.RateLimit().Remaining;
        var second = await h.Client.GetPullRequestAsync("org", "repo", 12, _none);

        var calls = h.Server.CallsTo("GET", "/repos/org/repo/pulls/12");
        Assert.Equal(2, calls.Count);
        Assert.Null(calls[0].Header("If-None-Match"));
        Assert.NotNull(calls[1].Header("If-None-Match"));
        Assert.Equal(("cached", "s12"), (second.Title, second.Head.Sha));
        Assert.Equal((first.Id, first.Head, first.User), (second.Id, second.Head, second.User));
        Assert.Equal(1, h.Client.Metrics.CacheHitCount);
        Assert.Equal(budgetAfterFirst, h.Server.RateLimit().Remaining);
        Assert.Equal(4999, budgetAfterFirst);
    }

    [Fact]
    public async Task GetAfterChange_Revalidates_ReturnsFreshBody()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.FakeRepo.AddPullRequest(3, "t", "alice", "s3");

        var before = await h.Client.ListIssueLabelsAsync("org", "repo", 3, _none);
        await h.Client.AddLabelsAsync("org", "repo", 3, ["lgtm"], _none);
        var after = await h.Client.ListIssueLabelsAsync("org", "repo", 3, _none);

        Assert.Empty(before);
        Assert.Equal(["lgtm"], after.Select(l => l.Name));
        Assert.NotNull(h.Server.CallsTo("GET", "/repos/org/repo/issues/3/labels")[1].Header("If-None-Match"));
        Assert.Equal(0, h.Client.Metrics.CacheHitCount);
    }

    [Fact]
    public async Task PaginatedList_Unchanged_EveryPageIsACacheHit()
    {
        await using var h = await GitHubHarness.StartAsync(o => o.PerPage = 2);
        h.FakeRepo.Labels.AddRange(["a", "b", "c", "d", "e"]);

        await h.Client.GetRepositoryLabelsAsync("org", "repo", _none);
        var again = await h.Client.GetRepositoryLabelsAsync("org", "repo", _none);

        Assert.Equal(["a", "b", "c", "d", "e"], again.Select(l => l.Name));
        Assert.Equal(3, h.Client.Metrics.CacheHitCount);
    }
}
