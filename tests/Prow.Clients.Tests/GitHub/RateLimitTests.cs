namespace Prow.Clients.Tests.GitHub;

public sealed class RateLimitTests
{
    private static readonly CancellationToken _none = CancellationToken.None;

    [Fact]
    public async Task RemainingUnderReserve_SpreadsCallsEvenlyUntilReset()
    {
        await using var h = await GitHubHarness.StartAsync(o => o.Throttle.RateLimitReserve = 50);
        h.Server.SetRateLimit(remaining: 10, reset: h.Clock.GetUtcNow().AddSeconds(100));

        for (var i = 0; i < 3; i++)
        {
            await h.Client.GetRepositoryAsync("org", "repo", _none);
        }

        // After the first answer 9 calls are left for 100 s: the next waits 100/9 s. The second answer
        // is a 304, which costs nothing, so 9 are still left for the remaining time.
        Assert.Equal(2, h.Clock.Delays.Count);
        var first = 100.0 / 9;
        Assert.Equal(first, h.Clock.Delays[0].TotalSeconds, 0.01);
        Assert.Equal((100 - first) / 9, h.Clock.Delays[1].TotalSeconds, 0.01);
    }

    [Fact]
    public async Task RemainingAboveReserve_DoesNotDelay()
    {
        await using var h = await GitHubHarness.StartAsync(o => o.Throttle.RateLimitReserve = 50);
        h.Server.SetRateLimit(remaining: 500, reset: h.Clock.GetUtcNow().AddSeconds(100));

        for (var i = 0; i < 3; i++)
        {
            await h.Client.GetRepositoryAsync("org", "repo", _none);
        }

        Assert.Empty(h.Clock.Delays);
    }

    [Fact]
    public async Task SmallSearchBudget_ReserveScalesToTheLimit()
    {
        await using var h = await GitHubHarness.StartAsync(o => o.Throttle.RateLimitReserve = 200);
        h.Server.SetRateLimit(remaining: 5, reset: h.Clock.GetUtcNow().AddSeconds(60), limit: 30, resource: "search");

        for (var i = 0; i < 4; i++)
        {
            await h.Client.SearchIssuesAsync("repo:org/repo is:pr label:x" + i, _none);
        }

        // Reserve is min(200, 30/10) = 3: calls flow until fewer than 3 remain, then spread.
        Assert.Single(h.Clock.Delays);
        Assert.Equal(60.0 / 2, h.Clock.Delays[0].TotalSeconds, 0.01);
    }

    [Fact]
    public async Task BudgetExhausted_WaitsForResetThenSucceeds()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.Server.SetRateLimit(remaining: 0, reset: h.Clock.GetUtcNow().AddSeconds(30));

        var repo = await h.Client.GetRepositoryAsync("org", "repo", _none);

        Assert.Equal("main", repo.DefaultBranch);
        var wait = Assert.Single(h.Clock.Delays);
        Assert.InRange(wait.TotalSeconds, 30, 32);
        Assert.Equal(2, h.Server.CallsTo("GET", "/repos/org/repo").Count);
    }

    [Fact]
    public async Task BudgetExhaustedPastMaxThrottleDelay_FailsInsteadOfWaiting()
    {
        await using var h = await GitHubHarness.StartAsync(o => o.Throttle.MaxThrottleDelay = TimeSpan.FromMinutes(10));
        h.Server.SetRateLimit(remaining: 0, reset: h.Clock.GetUtcNow().AddMinutes(50));

        var error = await Assert.ThrowsAsync<Prow.Clients.GitHub.GitHubApiException>(() => h.Client.GetRepositoryAsync("org", "repo", _none));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("API rate limit exceeded for user.", error.GitHubMessage);
        Assert.Empty(h.Clock.Delays);
        Assert.Single(h.Server.Calls);
    }

    [Fact]
    public async Task RateLimits_ReflectServerHeadersPerResource()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.Server.SetRateLimit(remaining: 1234, reset: h.Clock.GetUtcNow().AddMinutes(30));

        await h.Client.GetRepositoryAsync("org", "repo", _none);
        await h.Client.SearchIssuesAsync("repo:org/repo", _none);

        var core = Assert.Single(h.Client.RateLimits, r => r.Resource == "core");
        var search = Assert.Single(h.Client.RateLimits, r => r.Resource == "search");
        Assert.Equal((5000, 1233), (core.Limit, core.Remaining));
        Assert.Equal((30, 29), (search.Limit, search.Remaining));
    }
}
