using System.Net;
using Prow.Clients.GitHub;

namespace Prow.Clients.Tests.GitHub;

public sealed class TokenFileTests : IDisposable
{
    private static readonly CancellationToken _none = CancellationToken.None;
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"prow-token-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_path))
        {
            Directory.Delete(_path, recursive: true);
        }
        else
        {
            File.Delete(_path);
        }
    }

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
    public async Task TokenFile_RotatedLikeAKubernetesSecret_NextCallUsesNewToken()
    {
        // A Secret volume is token -> ..data/token, and ..data -> ..<timestamp>/, swapped atomically.
        var dir = Directory.CreateDirectory(_path).FullName;
        Directory.CreateDirectory(Path.Combine(dir, "v1"));
        File.WriteAllText(Path.Combine(dir, "v1", "token"), "token-one");
        File.CreateSymbolicLink(Path.Combine(dir, "..data"), "v1");
        File.CreateSymbolicLink(Path.Combine(dir, "token"), "..data/token");
        await using var h = await GitHubHarness.StartAsync();
        h.Server.AcceptedTokens.UnionWith(["token-one", "token-two"]);
        h.Client.Dispose();
        h.WithClient(h.CreateClient(o => (o.Token, o.TokenPath) = (null, Path.Combine(dir, "token"))));

        await h.Client.GetRepositoryAsync("org", "repo", _none);
        Directory.CreateDirectory(Path.Combine(dir, "v2"));
        File.WriteAllText(Path.Combine(dir, "v2", "token"), "token-two");
        File.SetLastWriteTimeUtc(Path.Combine(dir, "v2", "token"), DateTime.UtcNow.AddSeconds(5));
        Directory.Delete(Path.Combine(dir, "..data")); // removes the link only; the kubelet renames over it
        File.CreateSymbolicLink(Path.Combine(dir, "..data"), "v2");
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
