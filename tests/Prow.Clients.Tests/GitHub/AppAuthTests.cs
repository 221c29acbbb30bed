using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Prow.Clients.GitHub;

namespace Prow.Clients.Tests.GitHub;

public sealed class AppAuthTests : IDisposable
{
    private static readonly CancellationToken _none = CancellationToken.None;
    private readonly RSA _key = RSA.Create(2048);
    private readonly string _keyPath = Path.Combine(Path.GetTempPath(), $"prow-app-{Guid.NewGuid():N}.pem");

    public AppAuthTests() => File.WriteAllText(_keyPath, _key.ExportRSAPrivateKeyPem());

    public void Dispose()
    {
        File.Delete(_keyPath);
        _key.Dispose();
    }

    [Fact]
    public async Task Jwt_IsRs256_SignedByTheAppKey_AndShortLived()
    {
        await using var h = await StartAsync();

        await h.Client.GetRepositoryAsync("org", "repo", _none);

        var lookup = Assert.Single(h.Server.CallsTo("GET", "/orgs/org/installation"));
        var jwt = lookup.Header("Authorization")!["Bearer ".Length..].Split('.');
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(jwt[0]));
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(jwt[1]));
        var now = h.Clock.GetUtcNow().ToUnixTimeSeconds();
        Assert.Equal("RS256", header.RootElement.GetProperty("alg").GetString());
        Assert.True(_key.VerifyData(Encoding.ASCII.GetBytes(jwt[0] + "." + jwt[1]), Base64Url.DecodeFromChars(jwt[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.Equal("4242", payload.RootElement.GetProperty("iss").GetString());
        Assert.Equal(now - 60, payload.RootElement.GetProperty("iat").GetInt64());
        Assert.InRange(payload.RootElement.GetProperty("exp").GetInt64() - now, 1, 600);
    }

    [Fact]
    public async Task InstallationToken_FetchedOnce_UsedForEveryCall()
    {
        await using var h = await StartAsync();

        await h.Client.GetRepositoryAsync("org", "repo", _none);
        await h.Client.GetRepositoryLabelsAsync("org", "repo", _none);
        await h.Client.IsMemberAsync("org", "alice", _none);

        var minted = Assert.Single(h.Server.MintedTokens);
        Assert.Single(h.Server.CallsTo("POST", "/app/installations/77/access_tokens"));
        Assert.Single(h.Server.CallsTo("GET", "/orgs/org/installation"));
        var apiCalls = h.Server.Calls.Where(c => !c.Path.Contains("installation", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, apiCalls.Count);
        Assert.All(apiCalls, c => Assert.Equal("Bearer " + minted, c.Header("Authorization")));
    }

    [Fact]
    public async Task InstallationToken_NearExpiry_IsRefreshed()
    {
        await using var h = await StartAsync();
        h.Server.InstallationTokenLifetime = TimeSpan.FromMinutes(10);

        await h.Client.GetRepositoryAsync("org", "repo", _none);
        h.Clock.Advance(TimeSpan.FromMinutes(4));
        await h.Client.GetRepositoryAsync("org", "repo", _none);
        h.Clock.Advance(TimeSpan.FromMinutes(2)); // now inside the 5-minute refresh margin
        await h.Client.GetRepositoryAsync("org", "repo", _none);

        Assert.Equal(2, h.Server.MintedTokens.Count);
        var repoCalls = h.Server.CallsTo("GET", "/repos/org/repo");
        Assert.Equal(repoCalls[0].Header("Authorization"), repoCalls[1].Header("Authorization"));
        Assert.Equal("Bearer " + h.Server.MintedTokens[1], repoCalls[2].Header("Authorization"));
    }

    [Fact]
    public async Task Installation_NotOnOrg_FoundThroughRepo()
    {
        await using var h = await StartAsync(orgInstallation: null);
        h.FakeRepo.InstallationId = 88;

        await h.Client.GetRepositoryAsync("org", "repo", _none);

        Assert.Single(h.Server.CallsTo("GET", "/orgs/org/installation"));
        Assert.Single(h.Server.CallsTo("GET", "/repos/org/repo/installation"));
        Assert.Single(h.Server.CallsTo("POST", "/app/installations/88/access_tokens"));
    }

    [Fact]
    public async Task SearchWithOrgQualifier_UsesThatOrgsInstallation()
    {
        await using var h = await StartAsync();

        await h.Client.SearchIssuesAsync("is:pr org:org label:lgtm", _none);

        var search = Assert.Single(h.Server.CallsTo("GET", "/search/issues"));
        Assert.Equal("Bearer " + Assert.Single(h.Server.MintedTokens), search.Header("Authorization"));
    }

    [Fact]
    public async Task AuthenticatedUser_IsTheAppsBot()
    {
        await using var h = await StartAsync();

        var user = await h.Client.GetAuthenticatedUserAsync(_none);

        Assert.Equal("prow-app[bot]", user.Login);
    }

    [Fact]
    public async Task DryRun_StillMintsTokens_ButSendsNoWrite()
    {
        await using var h = await StartAsync(dryRun: true);

        await h.Client.AddLabelsAsync("org", "repo", 1, ["lgtm"], _none);
        await h.Client.GetRepositoryAsync("org", "repo", _none);

        Assert.Equal(["/app/installations/77/access_tokens"], h.Server.Writes.Select(c => c.Path));
    }

    private async Task<GitHubHarness> StartAsync(long? orgInstallation = 77, bool dryRun = false)
    {
        var h = await GitHubHarness.StartAsync();
        h.Server.AppPublicKey = RSA.Create(_key.ExportParameters(false));
        h.Server.AcceptedTokens.Add("only-minted-tokens-work");
        h.Server.State.Org("org").InstallationId = orgInstallation;
        h.Client.Dispose();
        var app = h.CreateClient(o =>
        {
            o.Token = null;
            o.DryRun = dryRun;
            o.App = new GitHubAppOptions { AppId = "4242", PrivateKeyPath = _keyPath };
        });
        return h.WithClient(app);
    }
}
