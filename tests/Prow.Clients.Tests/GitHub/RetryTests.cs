using System.Net;
using System.Net.Sockets;
using Prow.Clients.GitHub;

namespace Prow.Clients.Tests.GitHub;

public sealed class RetryTests
{
    private static readonly CancellationToken _none = CancellationToken.None;

    [Fact]
    public async Task ServerError_TwiceThenSuccess_RetriesWithGrowingBackoff()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.Server.FailNext(2, 500);

        var repo = await h.Client.GetRepositoryAsync("org", "repo", _none);

        Assert.Equal("repo", repo.Name);
        Assert.Equal(3, h.Server.CallsTo("GET", "/repos/org/repo").Count);
        Assert.Equal(2, h.Clock.Delays.Count);
        Assert.InRange(h.Clock.Delays[0].TotalMilliseconds, 50, 100); // initial 100 ms, equal jitter
        Assert.InRange(h.Clock.Delays[1].TotalMilliseconds, 100, 200);
    }

    [Fact]
    public async Task ServerError_Persistent_GivesUpAfterMaxRetries()
    {
        await using var h = await GitHubHarness.StartAsync(o => o.Throttle.MaxRetries = 2);
        h.Server.FailNext(10, 502, "Bad Gateway");

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.GetRepositoryAsync("org", "repo", _none));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal(3, h.Server.Calls.Count);
    }

    [Fact]
    public async Task SecondaryRateLimit_WithRetryAfter_WaitsThatLongAndWritesOnce()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.FakeRepo.AddPullRequest(1, "t", "alice", "s1");
        h.Server.FailNextWithSecondaryRateLimit(1, TimeSpan.FromSeconds(7));

        await h.Client.CreateCommentAsync("org", "repo", 1, "hello", _none);

        Assert.Equal([TimeSpan.FromSeconds(7)], h.Clock.Delays);
        Assert.Equal(2, h.Server.CallsTo("POST", "/repos/org/repo/issues/1/comments").Count);
        Assert.Single(h.Server.CommentsOn(GitHubHarness.Repo, 1));
    }

    [Fact]
    public async Task SecondaryRateLimit_WithoutRetryAfter_WaitsAtLeastAMinute()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.Server.FailNextWithSecondaryRateLimit(1, retryAfter: null);

        await h.Client.GetRepositoryAsync("org", "repo", _none);

        var wait = Assert.Single(h.Clock.Delays);
        Assert.True(wait >= TimeSpan.FromMinutes(1), $"waited {wait}");
    }

    [Fact]
    public async Task TooManyRequests_WithRetryAfter_Honoured()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.Server.FailNext(1, 429, "Too Many Requests", TimeSpan.FromSeconds(3));

        await h.Client.GetRepositoryAsync("org", "repo", _none);

        Assert.Equal([TimeSpan.FromSeconds(3)], h.Clock.Delays);
    }

    [Fact]
    public async Task NotFound_IsNotRetried_AndCarriesGitHubMessage()
    {
        await using var h = await GitHubHarness.StartAsync();

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.GetPullRequestAsync("org", "repo", 404, _none));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("Not Found", error.GitHubMessage);
        Assert.Equal("https://docs.github.com/rest", error.DocumentationUrl);
        Assert.Equal(("GET", "/repos/org/repo/pulls/404"), (error.Method, error.Path));
        Assert.Single(h.Server.Calls);
        Assert.Empty(h.Clock.Delays);
    }

    [Fact]
    public async Task PlainForbidden_IsNotRetried()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.Server.FailNext(1, 403, "Resource not accessible by integration");

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.GetRepositoryAsync("org", "repo", _none));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("Resource not accessible by integration", error.GitHubMessage);
        Assert.Single(h.Server.Calls);
    }

    [Fact]
    public async Task ConnectionRefused_EveryEndpoint_RetriesThenThrowsWithoutStatus()
    {
        await using var h = await GitHubHarness.StartAsync();
        using var client = new GitHubClient(
            new GitHubClientOptions { Endpoints = { ClosedPort() }, Throttle = { MaxRetries = 2, InitialBackoff = TimeSpan.FromMilliseconds(10) } },
            time: h.Clock);

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => client.GetRepositoryAsync("org", "repo", _none));

        Assert.Null(error.StatusCode);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(2, h.Clock.Delays.Count);
    }

    internal static Uri ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }
}
