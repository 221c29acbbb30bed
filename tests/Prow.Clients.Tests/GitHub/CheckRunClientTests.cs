using System.Net;
using Prow.Clients.GitHub;

namespace Prow.Clients.Tests.GitHub;

/// <summary>The Checks API calls against the fake GitHub; the App-authenticated path is covered end to end by the silo's CheckRunTests.</summary>
public sealed class CheckRunClientTests
{
    [Fact]
    public async Task WithAToken_TheClientIsNoApp_AndGitHubRefusesCheckRuns()
    {
        await using var h = await GitHubHarness.StartAsync();

        var refused = await Assert.ThrowsAsync<GitHubApiException>(() =>
            h.Client.CreateCheckRunAsync("org", "repo", new CheckRunBody { Name = "unit", HeadSha = "abc", Status = "queued" }, CancellationToken.None));

        Assert.False(h.Client.AuthenticatesAsApp);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Empty(h.Server.CheckRunsFor(GitHubHarness.Repo, "abc"));
    }
}
