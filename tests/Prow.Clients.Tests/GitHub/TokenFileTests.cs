using System.Net;
using Prow.Clients.GitHub;

namespace Prow.Clients.Tests.GitHub;

public sealed class TokenFileTests : IDisposable
{
    private static readonly CancellationToken _none = CancellationToken.None;
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"prow-token-{Guid.NewGuid():N}");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public async Task TokenFile_Rotated_NextCallUsesNewToken()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.Server.AcceptedTokens.UnionWith(["token-one", "token-two"]);
        File.WriteAllText(_path, "token-one\n");
        h.Client.Dispose();
        h.WithClient(h.CreateClient(o => (o.Token, o.TokenPath) = (null, _path)));

        await h.Client.GetRepositoryAsync("org", "repo", _none);
        File.WriteAllText(_path, "token-two\n");
        File.SetLastWriteTimeUtc(_path, File.GetLastWriteTimeUtc(_path).AddSeconds(5)); // filesystems with coarse timestamps
        await h.Client.GetRepositoryAsync("org", "repo", _none);

        var calls = h.Server.CallsTo("GET", "/repos/org/repo");
        Assert.Equal(["Bearer token-one", "Bearer token-two"], calls.Select(c => c.Header("Authorization")));
    }

    [Fact]
    public async Task RejectedToken_Fails401_WithoutRetry()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.Server.AcceptedTokens.Add("the-right-one");

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.GetRepositoryAsync("org", "repo", _none));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("Bad credentials", error.GitHubMessage);
        Assert.Single(h.Server.Calls);
    }
}
