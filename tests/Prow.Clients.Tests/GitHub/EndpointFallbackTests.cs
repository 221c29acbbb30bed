using Prow.FakeGitHub;

namespace Prow.Clients.Tests.GitHub;

public sealed class EndpointFallbackTests
{
    private static readonly CancellationToken _none = CancellationToken.None;

    [Fact]
    public async Task FirstEndpointClosed_SecondAnswers()
    {
        await using var h = await GitHubHarness.StartAsync();
        using var client = h.CreateClient(o => o.Endpoints.Insert(0, RetryTests.ClosedPort()));

        var repo = await client.GetRepositoryAsync("org", "repo", _none);

        Assert.Equal("main", repo.DefaultBranch);
        Assert.Single(h.Server.Calls);
        Assert.Empty(h.Clock.Delays); // fallback is immediate, not a retry
    }

    [Fact]
    public async Task UnreachableEndpoint_IsSkippedUntilRetryInterval()
    {
        await using var h = await GitHubHarness.StartAsync();
        using var client = h.CreateClient(o =>
        {
            o.Endpoints.Insert(0, RetryTests.ClosedPort());
            o.EndpointRetryInterval = TimeSpan.FromSeconds(30);
        });

        await client.GetRepositoryAsync("org", "repo", _none);
        var afterFirst = client.Metrics.RequestCount;
        await client.GetRepositoryAsync("org", "repo", _none);
        var afterSecond = client.Metrics.RequestCount;
        h.Clock.Advance(TimeSpan.FromSeconds(31));
        await client.GetRepositoryAsync("org", "repo", _none);

        Assert.Equal(2, afterFirst); // refused + answered
        Assert.Equal(3, afterSecond); // the closed endpoint was not tried again
        Assert.Equal(5, client.Metrics.RequestCount); // after the interval it is tried once more
        Assert.Equal(3, h.Server.Calls.Count);
    }

    [Fact]
    public async Task FirstEndpointServerError_FallsBackToSecond()
    {
        await using var h = await GitHubHarness.StartAsync();
        await using var proxy = await FakeGitHubServer.StartAsync(h.Clock);
        proxy.FailNext(1, 502, "Bad Gateway");
        using var client = h.CreateClient(o => o.Endpoints.Insert(0, proxy.BaseAddress));

        var repo = await client.GetRepositoryAsync("org", "repo", _none);

        Assert.Equal("org/repo", repo.FullName);
        Assert.Single(proxy.Calls);
        Assert.Single(h.Server.Calls);
    }

    [Fact]
    public async Task FirstEndpointHealthy_SecondNeverAsked()
    {
        await using var h = await GitHubHarness.StartAsync();
        await using var fallback = await FakeGitHubServer.StartAsync(h.Clock);
        using var client = h.CreateClient(o => o.Endpoints.Add(fallback.BaseAddress));

        await client.GetRepositoryAsync("org", "repo", _none);

        Assert.Single(h.Server.Calls);
        Assert.Empty(fallback.Calls);
    }
}
