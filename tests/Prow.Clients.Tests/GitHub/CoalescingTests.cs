namespace Prow.Clients.Tests.GitHub;

public sealed class CoalescingTests
{
    private static readonly CancellationToken _none = CancellationToken.None;

    [Fact]
    public async Task ConcurrentIdenticalGets_ShareOneExchange()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.FakeRepo.AddPullRequest(1, "shared", "alice", "s1");
        List<Task<Prow.Clients.GitHub.PullRequest>> callers;
        using (h.Server.HoldRequests())
        {
            callers = [.. Enumerable.Range(0, 5).Select(_ => h.Client.GetPullRequestAsync("org", "repo", 1, _none))];
            await Eventually.TrueAsync(() => h.Server.Calls.Count == 1 && h.Client.Metrics.CoalescedCount == 4, "one request held, four joined");
        }

        var results = await Task.WhenAll(callers);

        Assert.All(results, pr => Assert.Equal("shared", pr.Title));
        Assert.Single(h.Server.CallsTo("GET", "/repos/org/repo/pulls/1"));
    }

    [Fact]
    public async Task CallerCancels_OthersStillGetTheSharedAnswer()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.FakeRepo.AddPullRequest(1, "shared", "alice", "s1");
        using var impatient = new CancellationTokenSource();
        Task<Prow.Clients.GitHub.PullRequest> gaveUp, waited;
        using (h.Server.HoldRequests())
        {
            gaveUp = h.Client.GetPullRequestAsync("org", "repo", 1, impatient.Token);
            waited = h.Client.GetPullRequestAsync("org", "repo", 1, _none);
            await Eventually.TrueAsync(() => h.Server.Calls.Count == 1 && h.Client.Metrics.CoalescedCount == 1, "second caller joined");
            await impatient.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gaveUp);
        }

        Assert.Equal("shared", (await waited).Title);
        Assert.Single(h.Server.Calls);
    }

    [Fact]
    public async Task ConcurrentDifferentGets_AreNotCoalesced()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.FakeRepo.AddPullRequest(1, "one", "alice", "s1");
        h.FakeRepo.AddPullRequest(2, "two", "alice", "s2");
        Task<Prow.Clients.GitHub.PullRequest> first, second;
        using (h.Server.HoldRequests())
        {
            first = h.Client.GetPullRequestAsync("org", "repo", 1, _none);
            second = h.Client.GetPullRequestAsync("org", "repo", 2, _none);
            await Eventually.TrueAsync(() => h.Server.Calls.Count == 2, "both requests reach the server");
        }

        Assert.Equal(("one", "two"), ((await first).Title, (await second).Title));
        Assert.Equal(0, h.Client.Metrics.CoalescedCount);
    }
}
